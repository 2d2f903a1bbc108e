@{
    # The build (src/LmsSync.PowerShell/Module.targets) writes the version from Directory.Build.props
    # in place of 0.0.0 when it lays out out/LmsSync.
    RootModule           = 'LmsSync.PowerShell.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = 'b7c4e0f2-5a1d-4c8e-9e3b-2f6d8a41c7e5'
    Author               = 'LmsSync'
    CompanyName          = 'LmsSync'
    Copyright            = '(c) 2026 LmsSync. All rights reserved.'
    Description          = 'Keeps the users of a learning management system (SkyPrep, iSpring Learn, any SCIM 2.0 service) in step with Salesforce: preview, sync and schedule.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('LmsSync.Format.ps1xml')
    CmdletsToExport      = @('Add-SfLmsImportRule', 'Connect-SfLms', 'Disconnect-SfLms', 'Get-SfLmsConnection', 'Get-SfLmsConnectionOption', 'Get-SfLmsImportRule', 'Get-SfLmsMapping',
                             'Get-SfLmsOption', 'Get-SfLmsPayload', 'Get-SfLmsProfile', 'Get-SfLmsSchedule', 'Get-SfLmsSyncHistory', 'Get-SfLmsUser', 'Invoke-SfLmsSync',
                             'Register-SfLmsSchedule', 'Remove-SfLmsImportRule', 'Remove-SfLmsMapping', 'Remove-SfLmsProfile', 'Set-SfLmsConnectionOption', 'Set-SfLmsMapping', 'Set-SfLmsOption',
                             'Unregister-SfLmsSchedule')
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Salesforce', 'LMS', 'SkyPrep', 'iSpring', 'SCIM', 'Provisioning', 'Sync')
            ProjectUri = 'https://github.com/lmssync/lmssync'
        }
    }
}
