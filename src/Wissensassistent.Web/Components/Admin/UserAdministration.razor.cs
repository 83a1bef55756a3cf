using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Wissensassistent.Core.Audit;
using Wissensassistent.Web.Audit;
using Wissensassistent.Web.History;
using Wissensassistent.Web.Accounts;
using Wissensassistent.Web.Security;

namespace Wissensassistent.Web.Components.Admin;

/// <summary>
/// Local accounts in <c>/admin</c>: create, change the role, reset the password, disable, enable and delete. Every
/// action asks the admin policy again; a change that ends the account's sign-ins says so. An administrator does not
/// disable, delete, demote or reset their own account here (that would end this very session; the own password is
/// changed at <c>/konto/passwort</c>), and the last active administrator can neither be disabled, deleted nor
/// demoted (<see cref="AccountService"/>). Every change, done or refused, goes into the audit trail with the
/// administrator's name; a new password never does.
/// </summary>
public sealed partial class UserAdministration
{
    private const string OwnAccount = "Das eigene Konto kann hier weder deaktiviert, gelöscht noch herabgestuft werden.";

    /// <summary>Four eyes: the groups that open restricted documents are given by another administrator.</summary>
    private const string OwnGroups = "Die eigenen Gruppen vergibt eine andere Person mit der Rolle Verwaltung.";

    private readonly Dictionary<string, string> _groupDrafts = new(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyList<UserAccount> _users = [];
    private string _newName = "";
    private string _newRole = AppRoles.Staff;
    private string _newPassword = "";
    private string? _message;
    private Severity _severity;
    private string? _confirmDelete;
    private string? _currentUser;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private AccountService Accounts { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IAuditTrail Audit { get; set; } = default!;

    [Inject]
    private ConversationArchive Conversations { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _currentUser = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        _users = await Accounts.ListAsync();
    }

    private string GroupDraft(UserAccount user) =>
        _groupDrafts.TryGetValue(user.UserName, out var draft) ? draft : string.Join(", ", user.Groups);

    /// <summary>The comma-separated groups of the row; the account's sign-ins end, so that a group taken away stops at once.</summary>
    private Task SetGroupsAsync(string userName) => ChangeAsync(AuditActions.GroupChanged, $"{userName}: Gruppen {GroupsOf(userName)} → {GroupsText(_groupDrafts.GetValueOrDefault(userName))}", async () =>
    {
        if (IsSelf(userName))
        {
            return new AccountResult(OwnGroups);
        }

        var text = _groupDrafts.GetValueOrDefault(userName) ?? string.Join(", ", UserNamed(userName)?.Groups ?? []);
        var result = await Accounts.SetGroupsAsync(userName, text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (result.Succeeded)
        {
            _groupDrafts.Remove(userName);
            var groups = (await Accounts.FindAsync(userName))?.Groups ?? [];
            (_message, _severity) = (groups.Count == 0
                ? $"„{userName}“ liest nur öffentliche Dokumente. Bestehende Anmeldungen von „{userName}“ sind beendet."
                : $"„{userName}“ liest auch Dokumente der Gruppen {string.Join(", ", groups)}. Bestehende Anmeldungen von „{userName}“ sind beendet.", Severity.Success);
        }

        return result;
    });

    private string GroupsOf(string userName) =>
        UserNamed(userName) is { Groups.Count: > 0 } user ? string.Join(", ", user.Groups) : "öffentlich";

    private static string GroupsText(string? draft) =>
        Wissensassistent.Core.Storage.DocumentAccess.NormalizeGroups(draft?.Split(',')) is { Count: > 0 } groups ? string.Join(", ", groups) : "öffentlich";

    private string RoleOf(string userName) =>
        UserNamed(userName) is { } user ? AppRoles.DisplayName(user.Role) : "?";

    private UserAccount? UserNamed(string userName) =>
        _users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

    private bool IsSelf(string userName) => string.Equals(userName, _currentUser, StringComparison.OrdinalIgnoreCase);

    private Task CreateAsync() => ChangeAsync(AuditActions.AccountCreated, $"{_newName.Trim()} (Rolle {AppRoles.DisplayName(_newRole)})", async () =>
    {
        var result = await Accounts.CreateAsync(_newName, _newRole, _newPassword);
        if (result.Succeeded)
        {
            (_message, _severity) = ($"Benutzer „{_newName.Trim()}“ mit der Rolle {AppRoles.DisplayName(_newRole)} angelegt.", Severity.Success);
            (_newName, _newPassword) = ("", "");
        }

        return result;
    });

    private Task SetRoleAsync(string userName, string role) => ChangeAsync(AuditActions.RoleChanged, $"{userName}: Rolle {RoleOf(userName)} → {AppRoles.DisplayName(role)}", async () =>
    {
        if (IsSelf(userName))
        {
            return new AccountResult(OwnAccount);
        }

        var result = await Accounts.SetRoleAsync(userName, role);
        if (result.Succeeded)
        {
            (_message, _severity) = ($"„{userName}“ hat jetzt die Rolle {AppRoles.DisplayName(role)}. Bestehende Anmeldungen von „{userName}“ sind beendet.", Severity.Success);
        }

        return result;
    });

    /// <summary>A new random password, shown here once; the old one stops working, its sign-ins end, a lockout ends.</summary>
    private Task ResetPasswordAsync(string userName) => ChangeAsync(AuditActions.PasswordReset, userName, async () =>
    {
        if (IsSelf(userName))
        {
            return new AccountResult(OwnAccount);
        }

        var password = AccountService.GeneratePassword();
        var result = await Accounts.SetPasswordAsync(userName, password);
        if (result.Succeeded)
        {
            (_message, _severity) = ($"Neues Passwort für „{userName}“ (wird nur jetzt angezeigt): {password} – bestehende Anmeldungen sind beendet.", Severity.Success);
        }

        return result;
    });

    private Task SetDisabledAsync(string userName, bool disabled) => ChangeAsync(disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, userName, async () =>
    {
        if (disabled && IsSelf(userName))
        {
            return new AccountResult(OwnAccount);
        }

        var result = await Accounts.SetDisabledAsync(userName, disabled);
        if (result.Succeeded)
        {
            (_message, _severity) = (disabled
                ? $"„{userName}“ ist deaktiviert und überall abgemeldet."
                : $"„{userName}“ kann sich wieder anmelden.", Severity.Success);
        }

        return result;
    });

    private Task DeleteAsync(string userName) => ChangeAsync(AuditActions.AccountDeleted, userName, async () =>
    {
        _confirmDelete = null;
        if (IsSelf(userName))
        {
            return new AccountResult(OwnAccount);
        }

        var result = await Accounts.DeleteAsync(userName);
        if (result.Succeeded)
        {
            // The account's server-side history goes with it; a new account of the same name starts empty.
            await Conversations.DeleteOwnerAsync(userName);
            (_message, _severity) = ($"„{userName}“ ist gelöscht.", Severity.Success);
        }

        return result;
    });

    private async Task ChangeAsync(string action, string subject, Func<Task<AccountResult>> change)
    {
        if (!await AdminAccess.IsGrantedAsync(Authorization, AuthenticationState, Audit, action, subject))
        {
            (_message, _severity) = (AdminAccess.Denied, Severity.Error);
            return;
        }

        var actor = await AuditActorName.OfAsync(AuthenticationState);

        var result = await change();
        await Audit.RecordAsync(actor, action, subject, result.Succeeded ? "erfolgreich" : $"abgelehnt: {result.Error}");
        if (!result.Succeeded)
        {
            (_message, _severity) = (result.Error, Severity.Error);
        }

        _users = await Accounts.ListAsync();
    }
}
