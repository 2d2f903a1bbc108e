namespace LmsSync.Sandbox.Salesforce.Org;

/// <summary>Shared boxes for true and false, so half a million rows do not each box their own flags.</summary>
internal static class BoxedBool
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;
}
