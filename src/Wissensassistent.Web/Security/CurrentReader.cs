using Microsoft.AspNetCore.Components.Authorization;
using Wissensassistent.Core.Storage;

namespace Wissensassistent.Web.Security;

/// <summary>What the user of this circuit may read, for components: the one place they ask (see <see cref="ReaderGroups"/>).</summary>
public sealed class CurrentReader(AuthenticationStateProvider authentication)
{
    public async Task<DocumentAccess> GetAccessAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        return ReaderGroups.AccessOf(state.User);
    }
}
