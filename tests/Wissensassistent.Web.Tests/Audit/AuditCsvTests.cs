using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Audit;

namespace Wissensassistent.Web.Tests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tTab", "\"'\tTab\"")]
    [InlineData("m.meier", "\"m.meier\"")]
    [InlineData("a;b\r\nc", "\"a;b\r\nc\"")]
    public void Field_NeutralisesFormulas_AndQuotes(string value, string expected) => Assert.Equal(expected, AuditCsv.Field(value));

    [Fact]
    public void Write_HasAGermanHeader_AndOneLinePerEntry()
    {
        var csv = AuditCsv.Write(
        [
            new AuditEntry(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), "=cmd|' /C calc'!A0", AuditActions.SignInFailed, "Anmeldung von 10.0.0.1", "fehlgeschlagen"),
        ]);

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Zeitpunkt (UTC)\";\"Benutzer\";\"Aktion\";\"Aktions-ID\";\"Objekt\";\"Ergebnis\";\"Antwort\"", lines[0]);
        Assert.Equal("\"2026-12-01 08:30:00\";\"'=cmd|' /C calc'!A0\";\"Anmeldung fehlgeschlagen\";\"sign-in-failed\";\"Anmeldung von 10.0.0.1\";\"fehlgeschlagen\";\"\"", lines[1]);
    }
}
