#Requires -Version 7.0
# Get-SfLmsProfile and Remove-SfLmsProfile: profiles saved against the local Sandbox into TestDrive (LMSSYNC_HOME);
# schedules go to a crontab FILE in TestDrive (LMSSYNC_CRONTAB_FILE), never the machine's scheduler.

Describe 'Saved profiles' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        # Tests read formatted text: no ANSI colour codes in table headers.
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        $script:saved = @{ Home = $env:LMSSYNC_HOME; Crontab = $env:LMSSYNC_CRONTAB_FILE }
        $script:sandbox = Start-LmsSyncSandbox -Users 20
        function script:Get-ProfileFolder([string] $Name) { Join-Path (Join-Path $env:LMSSYNC_HOME 'profiles') $Name }
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:saved.Home
        $env:LMSSYNC_CRONTAB_FILE = $script:saved.Crontab
    }
    BeforeEach {
        $env:LMSSYNC_HOME = Join-Path $TestDrive ('home-' + [guid]::NewGuid().ToString('N'))
        $env:LMSSYNC_CRONTAB_FILE = Join-Path $TestDrive ('crontab-' + [guid]::NewGuid().ToString('N'))
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType ISpring -Name alpha -Save
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType Scim -Name beta -Save
    }
    AfterEach { Disconnect-SfLms -ErrorAction SilentlyContinue }

    It 'lists the saved profiles with their LMS, and never a secret' {
        $profiles = @(Get-SfLmsProfile)

        ($profiles.Name -join ',') | Should -Be 'alpha,beta'
        $profiles[0] | Should -BeOfType ([LmsSync.Core.Profiles.SavedProfile])
        "$($profiles[0].LmsType)" | Should -Be 'ISpring'
        "$($profiles[1].LmsType)" | Should -Be 'Scim'
        $profiles[0].Enabled | Should -BeTrue
        $profiles[0].LastRun | Should -BeNullOrEmpty
        $profiles[0].Folder | Should -Be (Get-ProfileFolder alpha)
        $text = $profiles | Format-List * | Out-String -Width 300
        $text | Should -Not -Match ([regex]::Escape($sandbox.ispring.clientSecret))
        $text | Should -Not -Match ([regex]::Escape($sandbox.salesforce.certificatePassword))
    }

    It 'shows a table of Name, SalesforceUrl, LmsType, LmsUrl, Enabled, LastRun and LastStatus' {
        $text = Get-SfLmsProfile | Out-String -Width 300
        ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match '^Name\s+SalesforceUrl\s+LmsType\s+LmsUrl\s+Enabled\s+LastRun\s+LastStatus'
    }

    It 'filters by wildcard, and a missing name is SfLms.ProfileNotFound' {
        (@(Get-SfLmsProfile -Name 'al*').Name -join ',') | Should -Be 'alpha'
        Get-SfLmsProfile -Name 'nothing*' | Should -BeNullOrEmpty
        { Get-SfLmsProfile -Name nothing -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ProfileNotFound*'
    }

    It 'reports a broken profile as its own error and still lists the others' {
        Set-Content -Path (Join-Path (Get-ProfileFolder beta) 'profile.json') -Value '{ broken'

        $listed = @(Get-SfLmsProfile -ErrorVariable problems -ErrorAction SilentlyContinue)

        ($listed.Name -join ',') | Should -Be 'alpha'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.ProfileInvalid*'
    }

    It 'removes nothing with -WhatIf, then removes the profile and its folder' {
        Remove-SfLmsProfile beta -WhatIf
        Test-Path (Get-ProfileFolder beta) | Should -BeTrue

        Remove-SfLmsProfile beta -Confirm:$false

        (@(Get-SfLmsProfile).Name -join ',') | Should -Be 'alpha'
        Test-Path (Get-ProfileFolder beta) | Should -BeFalse
        { Remove-SfLmsProfile beta -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ProfileNotFound*'
    }

    It 'takes profiles from the pipeline and returns them with -PassThru' {
        $removed = @(Get-SfLmsProfile | Remove-SfLmsProfile -Confirm:$false -PassThru)

        ($removed.Name -join ',') | Should -Be 'alpha,beta'
        $removed[0] | Should -BeOfType ([LmsSync.Core.Profiles.SavedProfile])
        Get-SfLmsProfile | Should -BeNullOrEmpty
    }

    It 'closes the current connection when its profile is removed, and keeps it for another profile' {
        (Get-SfLmsConnection).Profile | Should -Be 'beta'
        Remove-SfLmsProfile alpha -Confirm:$false
        (Get-SfLmsConnection).Profile | Should -Be 'beta'

        Remove-SfLmsProfile beta -Confirm:$false

        { Get-SfLmsConnection -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.NotConnected*'
    }

    It 'refuses to remove a profile that a schedule still runs' {
        Register-SfLmsSchedule -Profile alpha -Daily -At 02:00 -WarningAction SilentlyContinue

        { Remove-SfLmsProfile alpha -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.ProfileScheduled*'
        Test-Path (Join-Path (Get-ProfileFolder alpha) 'profile.json') | Should -BeTrue

        Unregister-SfLmsSchedule -Profile alpha -Confirm:$false
        Remove-SfLmsProfile alpha -Confirm:$false
        Test-Path (Get-ProfileFolder alpha) | Should -BeFalse
    }
}
