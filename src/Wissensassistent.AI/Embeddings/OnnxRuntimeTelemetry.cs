using System.Runtime.InteropServices;

namespace Wissensassistent.AI.Embeddings;

/// <summary>
/// Switches off the ONNX Runtime's built-in telemetry before the runtime is loaded. Its Linux build (1.30) starts a
/// telemetry system when the runtime environment is created; that system reads <c>/proc/self/cmdline</c> and
/// processes it recursively, which overflowed the 1.5 MB stack of the thread-pool thread that loads the model once
/// the command line exceeded about 40 000 characters: <c>wissen ask "&lt;50 KB&gt;"</c> or a hybrid <c>search</c>
/// died with "Internal CLR error" (exit 134) whichever argument was long. The same system writes
/// <c>/tmp/mat-debug-&lt;pid&gt;.log</c> and would send usage data to Microsoft, which an administration's
/// assistant must not do anyway. The runtime honours <c>ORT_DISABLE_TELEMETRY</c>; it reads the native process
/// environment, which <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on Unix.
/// </summary>
internal static class OnnxRuntimeTelemetry
{
    public const string Variable = "ORT_DISABLE_TELEMETRY";

    private static readonly Lock Gate = new();
    private static bool _disabled;

    /// <summary>Call before the first ONNX session of the process is created; later calls do nothing.</summary>
    public static void Disable()
    {
        lock (Gate)
        {
            if (_disabled)
            {
                return;
            }

            Environment.SetEnvironmentVariable(Variable, "1");
            if (!OperatingSystem.IsWindows() && SetEnvironment(Variable, "1", overwrite: 1) != 0)
            {
                throw new InvalidOperationException($"{Variable} konnte nicht gesetzt werden (errno {Marshal.GetLastPInvokeError()}).");
            }

            _disabled = true;
        }
    }

    /// <summary>What the native runtime will see: the variable as the C library's <c>getenv</c> returns it.</summary>
    public static string? NativeValue() =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(Variable) : Marshal.PtrToStringUTF8(GetEnvironment(Variable));

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in this project.
    [DllImport("libc", EntryPoint = "setenv", SetLastError = true)]
    private static extern int SetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern nint GetEnvironment([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
