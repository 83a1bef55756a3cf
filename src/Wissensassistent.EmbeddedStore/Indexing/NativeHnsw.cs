using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace Wissensassistent.EmbeddedStore.Indexing;

/// <summary>
/// A USearch HNSW graph in native memory. The package's managed wrapper has no filtered search, no reservation for
/// concurrent adds and no view over a mapped buffer, so the store calls the C library (shipped in the package for
/// linux-x64, win-x64 and osx-arm64) directly. Searches hold a reference on the handle, so a graph replaced by a newer
/// one is freed only after the last search on it returned.
/// </summary>
internal sealed unsafe class NativeHnsw : SafeHandle
{
    private const string Library = "libusearch_c";

    /// <summary>The file the graph views; closed with the graph.</summary>
    private IDisposable? _backing;

    private NativeHnsw()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>An empty cosine graph that stores its vectors as <paramref name="scalar"/> (the query stays float32).</summary>
    public static NativeHnsw Create(int dimension, ScalarKind scalar, int connectivity, int expansionAdd, int expansionSearch)
    {
        var options = new IndexOptions(MetricKind.Cos, IntPtr.Zero, scalar, (ulong)dimension, (ulong)connectivity, (ulong)expansionAdd, (ulong)expansionSearch, false);
        var error = IntPtr.Zero;
        var created = usearch_init(ref options, ref error);
        ThrowIfError(error);
        var graph = new NativeHnsw();
        graph.SetHandle(created);
        return graph;
    }

    /// <summary>Views a serialised graph in place; <paramref name="backing"/> owns the memory and must outlive the graph.</summary>
    public static NativeHnsw View(byte* buffer, long length, int dimension, IDisposable backing)
    {
        var graph = Create(dimension, ScalarKind.Float16, 16, 128, 64);
        var error = IntPtr.Zero;
        usearch_view_buffer(graph.handle, buffer, (nuint)length, ref error);
        if (error != IntPtr.Zero)
        {
            graph.Dispose();
            ThrowIfError(error);
        }

        graph._backing = backing;
        return graph;
    }

    public long Count
    {
        get
        {
            var error = IntPtr.Zero;
            var size = usearch_size(handle, ref error);
            ThrowIfError(error);
            return (long)size;
        }
    }

    public int Dimensions
    {
        get
        {
            var error = IntPtr.Zero;
            var dimensions = usearch_dimensions(handle, ref error);
            ThrowIfError(error);
            return (int)dimensions;
        }
    }

    /// <summary>Capacity for <paramref name="capacity"/> vectors added from up to <paramref name="threads"/> threads at once.</summary>
    public void Reserve(int capacity, int threads)
    {
        var error = IntPtr.Zero;
        usearch_reserve(handle, (nuint)capacity, ref error);
        ThrowIfError(error);
        usearch_change_threads_add(handle, (nuint)threads, ref error);
        ThrowIfError(error);
    }

    /// <summary>Concurrent searches beyond this many wait for a free search context in the library.</summary>
    public void SetSearchThreads(int threads)
    {
        var error = IntPtr.Zero;
        usearch_change_threads_search(handle, (nuint)threads, ref error);
        ThrowIfError(error);
    }

    public void SetExpansionSearch(int expansion)
    {
        var error = IntPtr.Zero;
        usearch_change_expansion_search(handle, (nuint)expansion, ref error);
        ThrowIfError(error);
    }

    /// <summary>Thread-safe after <see cref="Reserve"/>.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vector)
    {
        var error = IntPtr.Zero;
        fixed (float* data = vector)
        {
            usearch_add(handle, key, data, ScalarKind.Float32, ref error);
        }

        ThrowIfError(error);
    }

    public long SerializedLength
    {
        get
        {
            var error = IntPtr.Zero;
            var length = usearch_serialized_length(handle, ref error);
            ThrowIfError(error);
            return (long)length;
        }
    }

    /// <summary>Writes the graph to a file through the library's own buffered writes, so it never sits in memory twice.</summary>
    public void Save(string path)
    {
        var error = IntPtr.Zero;
        usearch_save(handle, path, ref error);
        ThrowIfError(error);
    }

    /// <summary>
    /// The nearest keys the predicate admits, checked while the graph is walked rather than after, so a filter never
    /// empties a result list the graph could have filled. The caller holds a reference on the handle.
    /// </summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> distances, delegate* unmanaged<ulong, IntPtr, int> filter, IntPtr filterState)
    {
        var error = IntPtr.Zero;
        nuint found;
        fixed (float* vector = query)
        fixed (ulong* keyBuffer = keys)
        fixed (float* distanceBuffer = distances)
        {
            found = filter is null
                ? usearch_search(handle, vector, ScalarKind.Float32, (nuint)keys.Length, keyBuffer, distanceBuffer, ref error)
                : usearch_filtered_search(handle, vector, ScalarKind.Float32, (nuint)keys.Length, filter, filterState, keyBuffer, distanceBuffer, ref error);
        }

        ThrowIfError(error);
        return (int)found;
    }

    protected override bool ReleaseHandle()
    {
        var error = IntPtr.Zero;
        usearch_free(handle, ref error);
        _backing?.Dispose();
        return error == IntPtr.Zero;
    }

    private static void ThrowIfError(IntPtr error)
    {
        if (error != IntPtr.Zero)
        {
            throw new InvalidOperationException("USearch: " + (Marshal.PtrToStringUTF8(error) ?? "unbekannter Fehler"));
        }
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr usearch_init(ref IndexOptions options, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_free(IntPtr index, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint usearch_size(IntPtr index, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint usearch_dimensions(IntPtr index, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_reserve(IntPtr index, nuint capacity, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_change_threads_add(IntPtr index, nuint threads, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_change_threads_search(IntPtr index, nuint threads, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_change_expansion_search(IntPtr index, nuint expansion, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_add(IntPtr index, ulong key, void* vector, ScalarKind kind, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint usearch_search(IntPtr index, void* query, ScalarKind kind, nuint count, ulong* keys, float* distances, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint usearch_filtered_search(
        IntPtr index,
        void* query,
        ScalarKind kind,
        nuint count,
        delegate* unmanaged<ulong, IntPtr, int> filter,
        IntPtr filterState,
        ulong* keys,
        float* distances,
        ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint usearch_serialized_length(IntPtr index, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_save(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void usearch_view_buffer(IntPtr index, void* buffer, nuint length, ref IntPtr error);
}
