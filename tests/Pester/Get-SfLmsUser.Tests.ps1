#Requires -Version 7.0
# Get-SfLmsUser against the local Sandbox (Salesforce + iSpring emulators); profiles live in TestDrive.

Describe 'Get-SfLmsUser' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring
        $script:all = @(Get-SfLmsUser)
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'returns one typed row per user, each with an action' {
        $all.Count | Should -BeGreaterThan 100
        $all[0] | Should -BeOfType ([LmsSync.Core.Views.UserPreview])
        $all | Where-Object { -not $_.Action } | Should -BeNullOrEmpty
        @($all | Where-Object Action -eq Create).Count | Should -BeGreaterThan 0
        @($all | Where-Object { $_.SalesforceId }).Count | Should -Be $all.Count
    }

    It 'filters by email with wildcards, ignoring case' {
        $one = $all | Where-Object Email | Select-Object -First 1
        $found = @(Get-SfLmsUser -Email $one.Email.ToUpperInvariant())
        $found.Count | Should -Be @($all | Where-Object Email -eq $one.Email).Count
        $found.SalesforceId | Should -Contain $one.SalesforceId
        $domain = $one.Email.Split('@')[1]
        @(Get-SfLmsUser -Email "*@$domain").Count | Should -Be @($all | Where-Object Email -like "*@$domain").Count
    }

    It 'filters by action, department and name' {
        Get-SfLmsUser -Action Create | ForEach-Object { $_.Action | Should -Be 'Create' }
        $sales = @(Get-SfLmsUser -Department Sales)
        $sales.Count | Should -Be @($all | Where-Object Department -eq 'Sales').Count
        $sales | ForEach-Object { $_.Department | Should -Be 'Sales' }
        $named = $all | Where-Object Name | Select-Object -First 1
        (Get-SfLmsUser -Name $named.Name).SalesforceId | Should -Contain $named.SalesforceId
    }

    It 'shows a table of Name, Email, Department, Action and Reason by default' {
        $text = $all | Select-Object -First 3 | Out-String
        $header = ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1)
        $header | Should -Match '^Name\s+Email\s+Department\s+Action\s+Reason'
    }

    It 'stops with SfLms.NotConnected when there is no connection and no -Profile' {
        Disconnect-SfLms
        try {
            { Get-SfLmsUser -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
        }
        finally {
            Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring
        }
    }
}
