namespace Wissensassistent.Web.Security;

/// <summary>Return addresses after sign-in: only paths of this app, never another site (open redirect).</summary>
public static class LocalReturnUrl
{
    /// <summary>The address when it is a local path (<c>/admin?x=1</c>), otherwise <c>/</c>.</summary>
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2_000)
        {
            return "/";
        }

        // "/x" but not "//host" or "/\host" (browsers read both as another host), and no control characters.
        var local = returnUrl[0] == '/'
            && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl)
            && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);
        return local ? returnUrl : "/";
    }
}
