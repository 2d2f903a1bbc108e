#Requires -Version 7.0
# Invoke-SfLmsSync against the local Sandbox (Salesforce + iSpring emulators); profiles live in TestDrive.

Describe 'Invoke-SfLmsSync' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name pester -Save
        function Get-PendingCount { @(Get-SfLmsUser | Where-Object Action -in Create, Update, Deactivate, Reactivate).Count }
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'returns the plan rows with -WhatIf and writes nothing' {
        $before = Get-PendingCount
        $plan = @(Invoke-SfLmsSync -WhatIf)
        $plan.Count | Should -BeGreaterThan 100
        $plan[0] | Should -BeOfType ([LmsSync.Core.Views.UserPreview])
        @($plan | Where-Object Action -eq Create).Count | Should -BeGreaterThan 0
        Get-PendingCount | Should -Be $before
        Get-SfLmsSyncHistory | Should -BeNullOrEmpty
    }

    It 'syncs only the users piped in, with a result per user under -PassThru' {
        $three = @(Get-SfLmsUser -Action Create | Select-Object -First 3)
        $results = @($three | Invoke-SfLmsSync -PassThru -Confirm:$false | Where-Object SalesforceId)
        $results | Should -Not -BeNullOrEmpty
        $results[0] | Should -BeOfType ([LmsSync.Core.Engine.UserResult])
        ($results.SalesforceId | Sort-Object -Unique) | Should -Be ($three.SalesforceId | Sort-Object)
        $results | ForEach-Object { $_.Status | Should -Be 'Success' }
        Get-SfLmsUser -Action Create | Where-Object SalesforceId -in $three.SalesforceId | Should -BeNullOrEmpty
    }

    It 'syncs nobody when the pipeline brings nobody' {
        $out = @(Get-SfLmsUser -Email 'nobody@nowhere.invalid' | Invoke-SfLmsSync -WarningVariable warned -WarningAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        "$warned" | Should -Match 'nothing was synced'
    }

    It 'runs everyone, returns the summary, and a second run has nothing left to do' {
        $summary = Invoke-SfLmsSync -Confirm:$false
        $summary | Should -BeOfType ([LmsSync.Core.Engine.RunSummary])
        $summary.Status | Should -Be 'Succeeded'
        $summary.RunId | Should -Not -BeNullOrEmpty
        Get-PendingCount | Should -Be 0
        $again = Invoke-SfLmsSync
        $again.Status | Should -Be 'Succeeded'
        $again.WriteCalls | Should -Be 0
    }

    It 'shows the summary as a table of RunId, Started, Status, Changes and Failed' {
        $text = Get-SfLmsSyncHistory -Last 1 | Out-String
        ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match '^RunId\s+Started\s+Status\s+Changes\s+Failed'
    }

    It 'ends a scheduled run with the exit code of its status (-Profile, -ExitWithStatus)' {
        $pwsh = (Get-Process -Id $PID).Path
        $command = "Import-Module '$env:LMSSYNC_TEST_MODULE'; Invoke-SfLmsSync -Profile pester -ExitWithStatus"
        & $pwsh -NoProfile -NonInteractive -Command $command | Out-Null
        $LASTEXITCODE | Should -Be 0

        Set-SfLmsOption -Enabled:$false -Confirm:$false
        & $pwsh -NoProfile -NonInteractive -Command $command *> $null
        $LASTEXITCODE | Should -Be 4
        Set-SfLmsOption -Enabled -Confirm:$false
    }

    It 'warns and returns a Disabled summary when the profile is switched off' {
        Set-SfLmsOption -Enabled:$false -Confirm:$false
        try {
            $summary = Invoke-SfLmsSync -WarningVariable warned -WarningAction SilentlyContinue
            $summary.Status | Should -Be 'Disabled'
            $warned | Should -Not -BeNullOrEmpty
        }
        finally { Set-SfLmsOption -Enabled -Confirm:$false }
    }
}
