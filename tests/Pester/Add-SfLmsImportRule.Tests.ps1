#Requires -Version 7.0
# Add-, Get- and Remove-SfLmsImportRule against the local Sandbox (SkyPrep), with a saved profile in TestDrive.

Describe 'Add-SfLmsImportRule, Get-SfLmsImportRule, Remove-SfLmsImportRule' {
    BeforeAll {
        . $PSScriptRoot/Sandbox.ps1
        Import-Module $env:LMSSYNC_TEST_MODULE -Force
        $script:savedHome = $env:LMSSYNC_HOME
        $env:LMSSYNC_HOME = Join-Path $TestDrive 'home'
        $script:sandbox = Start-LmsSyncSandbox -Users 20
        Connect-SfLms -SandboxInfo $sandbox.InfoPath -LmsType SkyPrep -Name rules -Save
    }
    AfterAll {
        Disconnect-SfLms -ErrorAction SilentlyContinue
        Stop-LmsSyncSandbox $script:sandbox
        $env:LMSSYNC_HOME = $script:savedHome
    }

    It 'adds a one-condition rule and returns it with -PassThru' {
        $rule = Add-SfLmsImportRule -Name internal -Field CompanyName -Operator Contains -Value 'SkyPrep' -PassThru
        $rule | Should -BeOfType ([LmsSync.Core.Rules.ImportRule])
        "$($rule.Action)" | Should -Be 'Skip'
        $rule.Conditions[0].Field | Should -Be 'CompanyName'
    }

    It 'adds a rule of several hashtable conditions joined by Any' {
        Add-SfLmsImportRule -Name contractors -Match Any -Condition @{ Field = 'Email'; Operator = 'EndsWith'; Value = '@partner.com' },
            @{ Field = 'Department'; Operator = 'In'; Value = 'Finance', 'Legal' }
        $rule = Get-SfLmsImportRule -Name contractors
        "$($rule.Join)" | Should -Be 'Any'
        $rule.Conditions.Count | Should -Be 2
        $rule.Conditions[1].Values | Should -Be @('Finance', 'Legal')
    }

    It 'puts a rule first with -Position 0' {
        Add-SfLmsImportRule -Name 'keep interns' -Field Title -Operator Equals -Value Intern -Action Import -Position 0
        (Get-SfLmsImportRule)[0].Name | Should -Be 'keep interns'
    }

    It 'saves the rules to the profile' {
        $saved = Get-Content -Raw (Join-Path $env:LMSSYNC_HOME 'profiles/rules/profile.json') | ConvertFrom-Json
        $saved.Sync.Rules.Name | Should -Be @('keep interns', 'internal', 'contractors')
    }

    It 'stops with SfLms.RuleInvalid for a duplicate name, an unknown field or a bad regex, changing nothing' {
        { Add-SfLmsImportRule -Name internal -Field Title -Operator Equals -Value x -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.RuleInvalid*'
        { Add-SfLmsImportRule -Name bad -Field NoSuchField__c -Operator Equals -Value x -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.RuleInvalid*'
        { Add-SfLmsImportRule -Name regex -Field Title -Operator Matches -Value '([' -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.RuleInvalid*'
        { Add-SfLmsImportRule -Name hash -Condition @{ Field = 'Title'; Operator = 'Resembles'; Value = 'x' } -ErrorAction Stop } | Should -Throw -ErrorId 'SfLms.RuleInvalid*'
        (Get-SfLmsImportRule).Count | Should -Be 3
    }

    It 'shows rules as a table of Name, Action, Match and Conditions' {
        $text = Get-SfLmsImportRule | Out-String
        ($text -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1) | Should -Match '^Name\s+Action\s+Match'
    }

    It 'removes rules piped from Get-SfLmsImportRule (round trip) and by name' {
        Get-SfLmsImportRule -Name contract* | Remove-SfLmsImportRule -Confirm:$false
        'keep interns' | Remove-SfLmsImportRule -Confirm:$false
        (Get-SfLmsImportRule).Name | Should -Be @('internal')
    }

    It 'writes a non-terminating error for a rule that does not exist' {
        Remove-SfLmsImportRule -Name nosuchrule -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SfLms.InvalidArgument*'
    }
}
