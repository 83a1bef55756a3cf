using AngleSharp.Html.Parser;
using Wissensassistent.Web.Rendering;

namespace Wissensassistent.Web.Tests.Rendering;

public sealed class AnswerMarkdownRendererTests
{
    private readonly AnswerMarkdownRenderer _renderer = new();

    private static IEnumerable<MarkdownNode> Flatten(IEnumerable<MarkdownNode> nodes) =>
        nodes.SelectMany(n => n is ElementNode e ? Flatten(e.Children).Prepend(n) : [n]);

    private static string AllHtml(IEnumerable<MarkdownNode> nodes) =>
        string.Concat(Flatten(nodes).OfType<HtmlNode>().Select(h => h.Html));

    [Fact]
    public void Render_MarkerInParagraph_BecomesMarkerNodeBetweenTextFragments()
    {
        var nodes = _renderer.Render("Zulässig nur ausnahmsweise [1].");

        var paragraph = Assert.IsType<ElementNode>(Assert.Single(nodes));
        Assert.Equal("p", paragraph.Tag);
        Assert.Equal(
            [new HtmlNode("Zulässig nur ausnahmsweise "), new MarkerNode(1), new HtmlNode(".")],
            paragraph.Children);
    }

    [Fact]
    public void Render_GroupedMarkers_BecomeOneNodeEach()
    {
        var markers = Flatten(_renderer.Render("Beides gilt [1, 2][3].")).OfType<MarkerNode>().Select(m => m.Marker);

        Assert.Equal([1, 2, 3], markers);
    }

    [Fact]
    public void Render_TextWithoutMarkers_IsOneSanitisedFragment()
    {
        var node = Assert.Single(_renderer.Render("**Wichtig:** Der *Außenbereich* ist geschützt."));

        Assert.Equal("<p><strong>Wichtig:</strong> Der <em>Außenbereich</em> ist geschützt.</p>\n", Assert.IsType<HtmlNode>(node).Html);
    }

    [Fact]
    public void Render_MarkerInsideEmphasisAndTightList_KeepsStructure()
    {
        var nodes = _renderer.Render("- erstens **fett [1]**\n- zweitens [2]");

        var list = Assert.IsType<ElementNode>(Assert.Single(nodes));
        Assert.Equal("ul", list.Tag);
        Assert.Equal(2, list.Children.Count);
        var first = Assert.IsType<ElementNode>(list.Children[0]);
        Assert.Equal("li", first.Tag);
        var strong = Assert.IsType<ElementNode>(first.Children[1]);
        Assert.Equal("strong", strong.Tag);
        Assert.Contains(new MarkerNode(1), strong.Children);
        Assert.Contains(new MarkerNode(2), ((ElementNode)list.Children[1]).Children);
        Assert.DoesNotContain(Flatten(nodes), n => n is ElementNode { Tag: "p" });
    }

    [Fact]
    public void Render_OrderedListStartingLater_KeepsStartNumber()
    {
        var list = Assert.IsType<ElementNode>(Assert.Single(_renderer.Render("3. drittens [1]\n4. viertens")));

        Assert.Equal("ol", list.Tag);
        Assert.Equal(3, list.Start);
    }

    [Fact]
    public void Render_LinkThatLooksLikeMarker_IsAMarkerNotALink()
    {
        var nodes = _renderer.Render("Siehe [1](javascript:alert(1)).");

        Assert.Contains(new MarkerNode(1), Flatten(nodes));
        Assert.DoesNotContain("href", AllHtml(nodes), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("![x](http://evil.example/x.png)")]
    [InlineData("<iframe src=\"http://evil.example\"></iframe>")]
    [InlineData("<div onclick=alert(1)>x</div>\n\nText [1]")]
    [InlineData("[x](JaVaScRiPt:alert(1)) [1]")]
    [InlineData("<svg/onload=alert(1)>")]
    public void Render_XssPayload_NeverYieldsActiveMarkup(string payload)
    {
        var html = AllHtml(_renderer.Render("Antwort " + payload + " Ende [1]."));

        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "iframe" or "svg" or "div" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void Render_RawHtml_IsShownAsText()
    {
        var html = AllHtml(_renderer.Render("<b>fett</b>"));

        Assert.Contains("&lt;b&gt;fett&lt;/b&gt;", html);
    }

    [Fact]
    public void Render_HttpLink_OpensInNewTabWithoutReferrer()
    {
        var html = AllHtml(_renderer.Render("[Gesetze](https://www.gesetze-im-internet.de/)"));

        Assert.Contains("href=\"https://www.gesetze-im-internet.de/\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
        Assert.Contains("target=\"_blank\"", html);
    }

    [Fact]
    public void Render_MarkerInTable_StaysVisibleAsText()
    {
        var html = AllHtml(_renderer.Render("| Norm | Inhalt |\n|---|---|\n| § 35 | Außenbereich [1] |"));

        Assert.Contains("<table>", html);
        Assert.Contains("Außenbereich [1]", html);
    }
}
