using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wissensassistent.Core.Storage;
using Wissensassistent.EmbeddedStore.Audit;
using Wissensassistent.Testing;
using Wissensassistent.Web.Accounts;

namespace Wissensassistent.Web.Tests.Accounts;

/// <summary>Local accounts as the app keeps them: <c>users.db</c> and <c>audit.db</c> in a data folder of their own.</summary>
public sealed class LocalAccounts : IDisposable
{
    public LocalAccounts(string folderPrefix)
    {
        Folder = new TemporaryFolder(folderPrefix);
        var data = Options.Create(new DataFolder { Directory = Folder.Path });
        Store = new UserAccountStore(data);
        Audit = new SqliteAuditTrail(data);
        Accounts = new AccountService(Store, Audit, TimeProvider.System, NullLogger<AccountService>.Instance);
    }

    public TemporaryFolder Folder { get; }

    public UserAccountStore Store { get; }

    public SqliteAuditTrail Audit { get; }

    public AccountService Accounts { get; }

    public void Dispose()
    {
        Store.Dispose();
        Audit.Dispose();
        Folder.Dispose();
    }
}
