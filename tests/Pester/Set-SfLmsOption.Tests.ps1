#Requires -Version 7.0
# Set-SfLmsOption and Get-SfLmsOption against the local Sandbox (SCIM).

Describe 'Set-SfLmsOption, Get-SfLmsOption' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox -Users 20
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType Scim -Name opts -Save
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'shows safe defaults: nothing that removes access is on' {
        $options = Get-SfLmsOption
        $options | Should -BeOfType ([LmsSync.Core.Profiles.OptionSettings])
        $options.DeactivateMissingUsers | Should -BeFalse
        $options.SourceObject | Should -Be 'User'
        "$($options.MaxDeprovision)" | Should -Be '10%'
    }

    It 'changes only the options given, and turns a switch off with :$false' {
        $options = Set-SfLmsOption -DeactivateMissingUsers -MaxDeprovision 25 -TimeZone 'Europe/Berlin' -IncludedGroups Sales, Support -PassThru
        $options.DeactivateMissingUsers | Should -BeTrue
        "$($options.MaxDeprovision)" | Should -Be '25'
        $options.IncludedGroups | Should -Be @('Sales', 'Support')
        (Set-SfLmsOption -DeactivateMissingUsers:$false -PassThru).DeactivateMissingUsers | Should -BeFalse
        (Get-SfLmsOption).TimeZone | Should -Be 'Europe/Berlin'
    }

    It 'saves the options to the profile' {
        $saved = Get-Content -Raw (Join-Path $env:LMSSYNC_HOME 'profiles/opts/profile.json') | ConvertFrom-Json
        $saved.Sync.Options.TimeZone | Should -Be 'Europe/Berlin'
    }

    It 'refuses an unknown time zone with SfLms.InvalidArgument and a bad limit' {
        { Set-SfLmsOption -TimeZone 'Mars/Olympus' -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InvalidArgument*'
        { Set-SfLmsOption -MaxDeprovision 'lots' -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.InvalidArgument*'
        (Get-SfLmsOption).TimeZone | Should -Be 'Europe/Berlin'
    }

    It 'sets the Bulk API threshold, 0 turning Bulk off, and refuses a negative one' {
        (Get-SfLmsOption).BulkQueryThreshold | Should -Be 50000
        (Set-SfLmsOption -BulkQueryThreshold 0 -PassThru).BulkQueryThreshold | Should -Be 0
        { Set-SfLmsOption -BulkQueryThreshold -1 -ErrorAction Stop } | Should -Throw
        (Get-SfLmsOption).BulkQueryThreshold | Should -Be 0
    }

    It 'does nothing with -WhatIf' {
        Set-SfLmsOption -SendWelcomeEmail -WhatIf
        (Get-SfLmsOption).SendWelcomeEmail | Should -BeFalse
    }
}
