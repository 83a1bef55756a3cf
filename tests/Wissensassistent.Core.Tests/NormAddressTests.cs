using Wissensassistent.Core.Citations;

namespace Wissensassistent.Core.Tests;

public sealed class NormAddressTests
{
    [Fact]
    public void PathOf_EscapesLawAndSection()
    {
        Assert.Equal("/norm/BauGB/35", NormAddress.PathOf("BauGB", "35"));
        Assert.Equal("/norm/Richtlinie%20Ehrungen%20Bad%20Boll/2.1", NormAddress.PathOf("Richtlinie Ehrungen Bad Boll", "2.1"));
        Assert.Equal("/norm/a%2Fb/%3Cx%3E", NormAddress.PathOf("a/b", "<x>"));
    }
}
