using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Components.Admin;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Tests.Admin;

public sealed class UserAdministrationTests : WebTestContext
{
    private const string Password = "ein-langes-Passwort-42";

    public UserAdministrationTests() => SignInAs(AppRoles.Admin, Policies.AdminArea);

    private AccountService Accounts => Services.GetRequiredService<AccountService>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disable_ShowsTheAccountAsDisabled_AndEnableBringsItBack()
    {
        await Accounts.CreateAsync("chefin", AppRoles.Admin, Password, Ct);
        await Accounts.CreateAsync("m.meier", AppRoles.Staff, Password, Ct);
        var list = Render<UserAdministration>();

        Row(list, "m.meier").QuerySelector("button.wa-user-disable")!.Click();

        list.WaitForAssertion(() => Assert.Contains("deaktiviert", Row(list, "m.meier").QuerySelector(".wa-user-status")!.TextContent));
        Assert.Contains("abgemeldet", list.Find(".wa-user-message").TextContent);
        Assert.True((await Services.GetRequiredService<UserAccountStore>().FindAsync("m.meier", Ct))!.IsDisabled);

        Row(list, "m.meier").QuerySelector("button.wa-user-enable")!.Click();
        list.WaitForAssertion(() => Assert.Contains("aktiv", Row(list, "m.meier").QuerySelector(".wa-user-status")!.TextContent));
    }

    [Fact]
    public async Task Groups_SavedForAnotherAccount_EndItsSignIns_ButNotForOnesOwn()
    {
        await Accounts.CreateAsync("test-admin", AppRoles.Admin, Password, Ct);
        await Accounts.CreateAsync("anna", AppRoles.Staff, Password, Ct);
        var stamp = (await Accounts.FindAsync("anna", Ct))!.SecurityStamp;
        var list = Render<UserAdministration>();

        Row(list, "anna").QuerySelector(".wa-user-groups-input input")!.Change("Personalamt, hauptamt");
        Row(list, "anna").QuerySelector("button.wa-user-groups-save")!.Click();

        list.WaitForAssertion(() => Assert.Contains("hauptamt, personalamt", list.Find(".wa-user-message").TextContent));
        var anna = (await Accounts.FindAsync("anna", Ct))!;
        Assert.Equal(["hauptamt", "personalamt"], anna.Groups);
        Assert.NotEqual(stamp, anna.SecurityStamp);
        Assert.True(Row(list, "test-admin").QuerySelector("button.wa-user-groups-save")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Delete_AsksForConfirmation_ThenRemovesTheAccount()
    {
        await Accounts.CreateAsync("chefin", AppRoles.Admin, Password, Ct);
        await Accounts.CreateAsync("m.weg", AppRoles.Staff, Password, Ct);
        var list = Render<UserAdministration>();

        Row(list, "m.weg").QuerySelector("button.wa-user-delete")!.Click();
        Assert.NotNull(await Accounts.FindAsync("m.weg", Ct));
        Row(list, "m.weg").QuerySelector("button.wa-user-delete-confirm")!.Click();

        list.WaitForAssertion(() => Assert.DoesNotContain("m.weg", list.FindAll(".wa-user-name").Select(cell => cell.TextContent)));
        Assert.Contains("gelöscht", list.Find(".wa-user-message").TextContent);
        Assert.Null(await Accounts.FindAsync("m.weg", Ct));
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotBeDisabledOrDeleted_AndTheRefusalIsGerman()
    {
        await Accounts.CreateAsync("chefin", AppRoles.Admin, Password, Ct);
        var list = Render<UserAdministration>();

        Row(list, "chefin").QuerySelector("button.wa-user-disable")!.Click();
        list.WaitForAssertion(() => Assert.Contains("letzte aktive Benutzer", list.Find(".wa-user-message").TextContent));
        Row(list, "chefin").QuerySelector("button.wa-user-delete")!.Click();
        Row(list, "chefin").QuerySelector("button.wa-user-delete-confirm")!.Click();

        list.WaitForAssertion(() => Assert.Contains("nicht gelöscht", list.Find(".wa-user-message").TextContent));
        Assert.False((await Accounts.FindAsync("chefin", Ct))!.IsDisabled);
    }

    [Fact]
    public async Task OwnAccount_CannotBeDisabledDeletedOrResetHere_ButLinksToThePasswordPage()
    {
        await Accounts.CreateAsync("test-admin", AppRoles.Admin, Password, Ct);
        await Accounts.CreateAsync("vertretung", AppRoles.Admin, Password, Ct);
        var list = Render<UserAdministration>();

        Assert.True(Row(list, "test-admin").QuerySelector("button.wa-user-disable")!.HasAttribute("disabled"));
        Assert.True(Row(list, "test-admin").QuerySelector("button.wa-user-delete")!.HasAttribute("disabled"));
        Assert.Null(Row(list, "test-admin").QuerySelector(".wa-user-reset"));
        Assert.Equal("konto/passwort", Row(list, "test-admin").QuerySelector(".wa-user-own-password")!.GetAttribute("href"));
        Assert.False(Row(list, "vertretung").QuerySelector("button.wa-user-disable")!.HasAttribute("disabled"));
        Assert.NotNull(Row(list, "vertretung").QuerySelector(".wa-user-reset"));
    }

    [Fact]
    public async Task Actions_WithoutTheAdminRole_AreRefusedOnTheServer()
    {
        await Accounts.CreateAsync("m.meier", AppRoles.Staff, Password, Ct);
        SignInAs(AppRoles.Staff);
        var list = Render<UserAdministration>();

        Row(list, "m.meier").QuerySelector("button.wa-user-disable")!.Click();

        list.WaitForAssertion(() => Assert.Contains("Rolle Verwaltung", list.Find(".wa-user-message").TextContent));
        Assert.False((await Accounts.FindAsync("m.meier", Ct))!.IsDisabled);
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<UserAdministration> list, string userName) =>
        list.FindAll(".wa-admin-user-list tbody tr").Single(row => row.QuerySelector(".wa-user-name")!.TextContent == userName);
}
