#Requires -Version 7.0
# Register-, Get- and Unregister-SfLmsSchedule on real PowerShell. Every test registers into a crontab FILE
# in TestDrive (LMSSYNC_CRONTAB_FILE), never the machine user's crontab, systemd or Task Scheduler, and keeps
# its profiles in TestDrive (LMSSYNC_HOME).

BeforeAll {
    Import-Module $env:LMSSYNC_TEST_MODULE -Force
    $script:saved = @{ Crontab = $env:LMSSYNC_CRONTAB_FILE; Home = $env:LMSSYNC_HOME }

    function Get-CrontabText { if (Test-Path $env:LMSSYNC_CRONTAB_FILE) { [IO.File]::ReadAllText($env:LMSSYNC_CRONTAB_FILE) } else { '' } }
    function Get-BlockCount([string] $Name) { @((Get-CrontabText) -split "`n" | Where-Object { $_ -eq "# BEGIN LmsSync $Name" }).Count }
}

AfterAll {
    $env:LMSSYNC_CRONTAB_FILE = $script:saved.Crontab
    $env:LMSSYNC_HOME = $script:saved.Home
}

Describe 'Schedules registered into a crontab file' {
    BeforeEach {
        $env:LMSSYNC_HOME = Join-Path $TestDrive ("home " + [guid]::NewGuid().ToString('N'))
        $env:LMSSYNC_CRONTAB_FILE = Join-Path $TestDrive ("crontab-" + [guid]::NewGuid().ToString('N'))
        $others = "MAILTO=ops@example.com`n# hand-made, keep`n*/5 * * * * /usr/bin/backup --quiet`n"
        [IO.File]::WriteAllText($env:LMSSYNC_CRONTAB_FILE, $others)
    }

    It 'registers a daily run that Get-SfLmsSchedule reads back with its next run' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue

        $schedule = Get-SfLmsSchedule -TaskName acme
        $schedule.TaskName | Should -Be 'acme'
        $schedule.Profile | Should -Be 'acme'
        $schedule.Scheduler | Should -Be 'Cron'
        $schedule.Trigger.ToString() | Should -Be 'daily 02:00'
        $schedule.Location | Should -Be (Resolve-Path $env:LMSSYNC_CRONTAB_FILE).Path
        $schedule.NextRun | Should -BeGreaterThan ([DateTimeOffset]::Now)
        $schedule.NextRun.ToLocalTime().ToString('HH:mm') | Should -Be '02:00'
        $schedule.LastRun | Should -BeNullOrEmpty
        Get-CrontabText | Should -Match '(?m)^0 2 \* \* \* '
    }

    It 'registers an interval within a window on weekdays, exactly' {
        $schedule = Register-SfLmsSchedule -Profile acme -IntervalMinutes 45 -StartTime 08:00 -StopTime 18:00 -DaysOfWeek Monday, Tuesday, Wednesday, Thursday, Friday -PassThru -WarningAction SilentlyContinue

        $schedule.Trigger.ToString() | Should -Be 'every 45m 08:00-18:00 on Mon,Tue,Wed,Thu,Fri'
        $lines = (Get-CrontabText) -split "`n"
        $lines | Should -Contain '# BEGIN LmsSync acme'
        @($lines | Where-Object { $_ -like '0,45 8,11,14,17 * * 1-5 *' }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like '30 9,12,15 * * 1-5 *' }).Count | Should -Be 1
        @($lines | Where-Object { $_ -like '15 10,13,16 * * 1-5 *' }).Count | Should -Be 1
    }

    It 'replaces, never duplicates, when registered again' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        Register-SfLmsSchedule -Profile acme -IntervalMinutes 60 -WarningAction SilentlyContinue

        Get-BlockCount acme | Should -Be 1
        (Get-SfLmsSchedule).Count | Should -Be 1
        (Get-SfLmsSchedule acme).Trigger.ToString() | Should -Be 'every 60m'
    }

    It 'shows the exact definition with -WhatIf and changes nothing' {
        $before = Get-CrontabText
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WhatIf -WarningAction SilentlyContinue

        Get-CrontabText | Should -BeExactly $before
        Get-SfLmsSchedule | Should -BeNullOrEmpty
    }

    It 'schedules the module by its path, the profile, the exit status and a log next to the profile' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        $line = (Get-CrontabText) -split "`n" | Where-Object { $_ -like '0 2 * * * *' }

        $line | Should -BeLike "*$PSHOME*pwsh*-NoProfile -NonInteractive -Command*"
        $line | Should -BeLike "*Import-Module -Name '\''$env:LMSSYNC_TEST_MODULE'\''*"
        $line | Should -BeLike "*Invoke-SfLmsSync -Profile '\''acme'\'' -ExitWithStatus*"
        $line | Should -BeLike "*profiles/acme/logs/scheduled.log*"
        Test-Path (Join-Path $env:LMSSYNC_HOME 'profiles/acme/logs') | Should -BeTrue
    }

    It 'runs the scheduled command by hand: it starts, logs next to the profile and exits with a documented code' -Skip:($IsWindows) {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        $line = (Get-CrontabText) -split "`n" | Where-Object { $_ -like '0 2 * * * *' }
        $command = ($line -split ' ', 6)[5]

        /bin/sh -c $command
        $exitCode = $LASTEXITCODE

        $exitCode | Should -BeIn 0, 1, 2, 3, 4
        Join-Path $env:LMSSYNC_HOME 'profiles/acme/logs/scheduled.log' | Should -Exist
    }

    It 'shows the last run and its status from the profile history' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        $history = Join-Path $env:LMSSYNC_HOME 'profiles/acme/history.jsonl'
        '{"RunId":"r1","Started":"2026-03-02T02:00:00+00:00","Ended":"2026-03-02T02:04:00+00:00","Status":"PartiallyFailed"}' | Set-Content -Path $history

        $schedule = Get-SfLmsSchedule acme
        $schedule.LastRunId | Should -Be 'r1'
        $schedule.LastRun | Should -Be ([DateTimeOffset]'2026-03-02T02:00:00+00:00')
        "$($schedule.LastStatus)" | Should -Be 'PartiallyFailed'
        [int]$schedule.LastExitCode | Should -Be 2
    }

    It 'formats as a table of name, profile, trigger, next run, last run and status' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        $table = Get-SfLmsSchedule | Format-Table | Out-String
        foreach ($column in 'TaskName', 'Profile', 'Trigger', 'NextRun', 'LastRun', 'LastStatus') { $table | Should -Match $column }
        $table | Should -Match 'daily 02:00'
    }

    It 'unregisters and leaves every other line of the crontab byte for byte' {
        $before = Get-CrontabText
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        Register-SfLmsSchedule -Profile beta -IntervalMinutes 30 -WarningAction SilentlyContinue

        Unregister-SfLmsSchedule -TaskName acme -WhatIf
        Get-BlockCount acme | Should -Be 1

        Unregister-SfLmsSchedule -TaskName acme -Confirm:$false
        Get-BlockCount acme | Should -Be 0
        Get-SfLmsSchedule beta | Should -Not -BeNullOrEmpty

        Get-SfLmsSchedule | Unregister-SfLmsSchedule -Confirm:$false
        Get-CrontabText | Should -BeExactly $before
    }

    It 'removes every schedule of a profile with -Profile' {
        Register-SfLmsSchedule -Profile acme -Daily -At 02:00 -WarningAction SilentlyContinue
        Register-SfLmsSchedule -Profile acme -TaskName acme-day -IntervalMinutes 60 -StartTime 08:00 -StopTime 18:00 -WarningAction SilentlyContinue
        Register-SfLmsSchedule -Profile beta -Daily -At 03:00 -WarningAction SilentlyContinue

        $removed = Unregister-SfLmsSchedule -Profile acme -PassThru -Confirm:$false

        $removed.TaskName | Sort-Object | Should -Be @('acme', 'acme-day')
        (Get-SfLmsSchedule).TaskName | Should -Be 'beta'
    }

    It 'reports a schedule that is not there as a catchable not-found error' {
        Unregister-SfLmsSchedule -TaskName ghost -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.ScheduleNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        Get-SfLmsSchedule -TaskName ghost -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.ScheduleNotFound,*'
        Get-SfLmsSchedule -TaskName 'gh*' -ErrorVariable none -ErrorAction SilentlyContinue
        $none | Should -BeNullOrEmpty
    }

    It 'refuses <Case> with SfLms.ScheduleInvalid and registers nothing' -TestCases @(
        @{ Case = 'a window that crosses midnight'; Arguments = @{ IntervalMinutes = 30; StartTime = '22:00'; StopTime = '06:00' } }
        @{ Case = 'an unsafe profile name'; Arguments = @{ Profile = '../etc'; Daily = $true; At = '02:00' } }
        @{ Case = 'a credential for a scheduler other than Task Scheduler'; Arguments = @{ Daily = $true; At = '02:00'; Credential = [pscredential]::new('svc', (ConvertTo-SecureString 'x' -AsPlainText -Force)) } }
    ) {
        param($Case, $Arguments)
        $before = Get-CrontabText
        $failure = $null
        try { Register-SfLmsSchedule @Arguments -ErrorAction Stop -WarningAction SilentlyContinue } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'SfLms.ScheduleInvalid,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-CrontabText | Should -BeExactly $before
    }

    It 'refuses a time that is not HH:mm at parameter binding' {
        { Register-SfLmsSchedule -Profile acme -Daily -At '2 PM' -ErrorAction Stop } | Should -Throw
        Get-SfLmsSchedule | Should -BeNullOrEmpty
    }
}
