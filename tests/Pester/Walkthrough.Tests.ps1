#Requires -Version 7.0
# The five-minute tour end to end, against a Sandbox this file starts: connect → mapping → rule → preview →
# payload → -WhatIf → sync → a second run changes nothing → history. Profiles live in TestDrive.

Describe 'Walkthrough: from connecting to the history of a converged sync' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox
        $script:state = @{}
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It '1. connects to the Sandbox and saves the profile' {
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name walkthrough -Save
        Get-SfLmsConnection | Should -Not -BeNullOrEmpty
    }

    It '2. maps the job title from Title, else Department' {
        Set-SfLmsMapping -LmsField job_title -Primary Title -Secondary Department -Confirm:$false
        (Get-SfLmsMapping | Out-String) | Should -Match 'job_title'
    }

    It '3. adds an import rule that skips the Legal department' {
        Add-SfLmsImportRule -Name 'no legal' -Field Department -Operator Equals -Value Legal -Confirm:$false -WarningAction SilentlyContinue
        (Get-SfLmsImportRule).Name | Should -Contain 'no legal'
    }

    It '4. previews every user with an action and a reason' {
        $users = @(Get-SfLmsUser)
        $users.Count | Should -BeGreaterThan 100
        @($users | Where-Object Action -eq Create).Count | Should -BeGreaterThan 0
        $users | Where-Object Department -eq Legal | ForEach-Object {
            $_.Action | Should -Be 'Skip'
            $_.Reason | Should -Match 'no legal'
        }
        $state.Users = $users
    }

    It '5. explains one user''s payload: values and their sources, the match, the request body' {
        $user = $state.Users | Where-Object Action -eq Create | Select-Object -First 1
        $payload = $user | Get-SfLmsPayload
        $payload.Action | Should -Be 'Create'
        $title = $payload.Values | Where-Object LmsField -eq 'job_title'
        if ($title.Value) { $title.Source | Should -BeIn @('Primary', 'Secondary') }
        $payload.Body | Should -Not -BeNullOrEmpty
    }

    It '6. -WhatIf returns the whole plan and writes nothing' {
        $plan = @(Invoke-SfLmsSync -WhatIf)
        $plan.Count | Should -Be $state.Users.Count
        Get-SfLmsSyncHistory | Should -BeNullOrEmpty
    }

    It '7. syncs' {
        $summary = Invoke-SfLmsSync -Confirm:$false
        $summary.Status | Should -Be 'Succeeded'
        $state.First = $summary
    }

    It '8. a second run finds nothing left to change' {
        Get-SfLmsUser | Where-Object Action -in Create, Update, Deactivate, Reactivate | Should -BeNullOrEmpty
        $again = Invoke-SfLmsSync -Confirm:$false
        $again.Status | Should -Be 'Succeeded'
        $again.WriteCalls | Should -Be 0
        $state.Second = $again
    }

    It '9. the history shows both runs and what the first did to whom' {
        $runs = @(Get-SfLmsSyncHistory)
        $runs.RunId | Should -Be @($state.Second.RunId, $state.First.RunId)
        $rows = @($state.First | Get-SfLmsSyncHistory)
        @($rows | Where-Object { $_.Action -eq 'Create' -and $_.Status -eq 'Success' }).Count | Should -BeGreaterThan 0
        $rows | Where-Object Reason -match 'no legal' | ForEach-Object { $_.Action | Should -Be 'Skip' }
    }
}
