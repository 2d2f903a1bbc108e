#Requires -Version 7.0
# Get-SfLmsSyncHistory after real runs against the local Sandbox; profiles live in TestDrive.

Describe 'Get-SfLmsSyncHistory' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers and list labels.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name history -Save
        $script:first = Invoke-SfLmsSync -Confirm:$false
        $script:second = Invoke-SfLmsSync -Confirm:$false
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'lists the runs newest first with start, status and counts' {
        $runs = @(Get-SfLmsSyncHistory)
        $runs.Count | Should -Be 2
        $runs[0] | Should -BeOfType ([LmsSync.Core.Engine.RunSummary])
        $runs[0].RunId | Should -Be $second.RunId
        $runs[1].RunId | Should -Be $first.RunId
        $runs[1].Status | Should -Be 'Succeeded'
        $runs[1].Started | Should -BeLessOrEqual $runs[0].Started
        @(Get-SfLmsSyncHistory -Last 1).Count | Should -Be 1
    }

    It 'returns the per-user rows of a run piped in from its summary' {
        $rows = @($first | Get-SfLmsSyncHistory)
        $rows.Count | Should -BeGreaterThan 0
        $rows[0] | Should -BeOfType ([LmsSync.Core.Engine.UserResult])
        $rows | ForEach-Object { $_.RunId | Should -Be $first.RunId }
        @($rows | Where-Object Action -eq Create).Count | Should -BeGreaterThan 0
    }

    It 'reads a saved profile by name without a connection' {
        Disconnect-SfLms
        try { (Get-SfLmsSyncHistory -Profile history -Last 1).RunId | Should -Be $second.RunId }
        finally { Connect-SfLms -Profile history }
    }

    It 'reports an unknown run as SfLms.RunNotFound' {
        $null = Get-SfLmsSyncHistory -RunId 'no-such-run' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.RunNotFound*'
    }
}
