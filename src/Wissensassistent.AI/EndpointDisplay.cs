namespace Wissensassistent.AI;

/// <summary>Shows an endpoint without user info or query, where credentials sometimes hide.</summary>
internal static class EndpointDisplay
{
    public static string Redact(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return "(Standard)";
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return "(ungültig)";
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty }.Uri.ToString();
    }
}
