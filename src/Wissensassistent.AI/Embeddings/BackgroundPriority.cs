using System.Runtime.InteropServices;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// Lowers the calling thread's scheduling priority. .NET ignores <see cref="Thread.Priority"/> on Linux, so there the
/// thread's nice value is raised directly (allowed without privileges); elsewhere the managed priority suffices.
/// </summary>
internal static class BackgroundPriority
{
    private const int PrioProcess = 0;
    private const int Nice = 10;

    public static void LowerCurrentThread()
    {
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // On Linux a thread id names the thread for setpriority.
            _ = SetPriority(PrioProcess, GetThreadId(), Nice);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the thread keeps normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
