using System.Globalization;
using System.Text;

namespace Wissensassistent.Web.Security;

/// <summary>Return addresses after sign-in: only paths of this app, never another site (open redirect).</summary>
public static class LocalReturnUrl
{
    /// <summary>
    /// The address when it is a local path (<c>/admin?x=1</c>), otherwise <c>/</c>. Characters beyond ASCII
    /// (<c>/ä</c>) come back percent-encoded as UTF-8 (<c>/%C3%A4</c>): a Location header holds ASCII only.
    /// </summary>
    public static string Sanitize(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2_000)
        {
            return "/";
        }

        // "/x" but not "//host" or "/\host" (browsers read both as another host), and no control characters.
        if (returnUrl[0] != '/'
            || (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
            || returnUrl.Any(char.IsControl)
            || EscapeNonAscii(returnUrl) is not { } escaped)
        {
            return "/";
        }

        return Uri.IsWellFormedUriString(escaped, UriKind.Relative) ? escaped : "/";
    }

    /// <summary>Percent-encodes spaces and every non-ASCII character; null for a broken surrogate pair.</summary>
    private static string? EscapeNonAscii(string url)
    {
        if (url.All(c => c is > ' ' and < (char)0x7F))
        {
            return url;
        }

        var escaped = new StringBuilder(url.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        for (var index = 0; index < url.Length;)
        {
            if (Rune.DecodeFromUtf16(url.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return null;
            }

            if (rune.Value is > ' ' and < 0x7F)
            {
                escaped.Append((char)rune.Value);
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var value in utf8[..length])
                {
                    escaped.Append('%').Append(value.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            index += consumed;
        }

        return escaped.ToString();
    }
}
