using System.Collections.Generic;

namespace LmsSync.Core.Lms.Connectors
{
    /// <summary>What the SkyPrep connector adds to its wire client's options.</summary>
    public sealed class SkyPrepConnectorOptions
    {
        /// <summary>The account's custom labels (SkyPrep's custom fields): the API lists none, so they are configured.</summary>
        public IList<string> CustomLabels { get; } = new List<string>();

        /// <summary>The role whose users count as LMS administrators (never changed by the sync).</summary>
        public string AdministratorRole { get; set; } = "admin";

        /// <summary>Keep the Salesforce Id in <c>user_identifier</c> (SkyPrep's external id); off = match by email only.</summary>
        public bool KeepSalesforceId { get; set; } = true;
    }
}
