using System.Text.RegularExpressions;

namespace Wissensassistent.Core.Text;

/// <summary>
/// "5 000", "5.000" and "1.000,50": thousands grouped by a space or a dot, as statutes and fee tables write them. Their term is
/// the number without its grouping, as a clerk types it ("5000"); a date (1.1.2020) or an item number (2.1) is no group.
/// </summary>
internal static partial class GroupedNumber
{
    public static string Plain(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return Grouped().IsMatch(number) ? Separator().Replace(number, string.Empty) : number;
    }

    [GeneratedRegex(@"^\d{1,3}([ .\u00A0\u202F]\d{3})+(,\d+)?$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"[ .\u00A0\u202F]")]
    private static partial Regex Separator();
}
