#Requires -Version 7.0
# Get-SfLmsPayload against the local Sandbox (Salesforce + iSpring emulators); profiles live in TestDrive.

Describe 'Get-SfLmsPayload' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring
        $script:creates = @(Get-SfLmsUser -Action Create | Select-Object -First 2)
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'takes users from the pipeline by SalesforceId and explains each one' {
        $payloads = @($creates | Get-SfLmsPayload)
        $payloads.Count | Should -Be 2
        $payloads[0] | Should -BeOfType ([LmsSync.Core.Views.UserPayload])
        $payloads.SalesforceId | Should -Be $creates.SalesforceId
        $p = $payloads[0]
        $p.Action | Should -Be 'Create'
        $p.SalesforceRecord['Id'] | Should -Not -BeNullOrEmpty
        $p.Match | Should -Match 'No LMS user matched'
        $p.Requests.Count | Should -BeGreaterThan 0
        $p.Body | Should -Match 'POST|PUT|PATCH'
        $email = $p.Values | Where-Object LmsField -eq 'email'
        $email.Value | Should -Not -BeNullOrEmpty
        $email.Source | Should -BeIn @('Primary', 'Secondary', 'Fallback')
    }

    It 'finds users by email too' {
        $found = @(Get-SfLmsPayload -Email $creates[0].Email)
        $found.SalesforceId | Should -Contain $creates[0].SalesforceId
    }

    It 'never shows the LMS secret in a request' {
        $p = $creates[0] | Get-SfLmsPayload
        $p.Body | Should -Not -Match ([regex]::Escape($sandbox.ispring.clientSecret))
    }

    It 'reports an unknown user as a non-terminating SfLms.UserNotFound error and goes on' {
        $found = @(Get-SfLmsPayload -SalesforceId '005000000000000ZZZ', $creates[0].SalesforceId -ErrorVariable problems -ErrorAction SilentlyContinue)
        $found.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.UserNotFound*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows a list with the request body by default' {
        $text = $creates[0] | Get-SfLmsPayload | Out-String
        $text | Should -Match '(?m)^Body\s*:'
        $text | Should -Match '(?m)^Values\s*:'
    }
}
