using System.Runtime.InteropServices;

namespace LlmErs.Vectors;

/// <summary>Owns a block of 64-byte-aligned native memory, so vector rows start on cache-line boundaries.</summary>
internal sealed unsafe class AlignedMemoryHandle : SafeHandle
{
    /// <summary>The alignment of every allocation: one cache line, and one <c>Vector512</c>.</summary>
    public const int Alignment = 64;

    private AlignedMemoryHandle(void* pointer, nuint byteCount)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)pointer);
        ByteCount = byteCount;
    }

    /// <summary>The size of the block in bytes.</summary>
    public nuint ByteCount { get; private set; }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The start of the block.</summary>
    public void* Pointer => (void*)handle;

    /// <summary>Allocates a zeroed block; a zero-byte request still returns a valid, aligned block.</summary>
    public static AlignedMemoryHandle Allocate(nuint byteCount)
    {
        var pointer = NativeMemory.AlignedAlloc(Math.Max(byteCount, 1), Alignment);
        NativeMemory.Clear(pointer, byteCount);
        return new AlignedMemoryHandle(pointer, byteCount);
    }

    /// <summary>Grows the block to <paramref name="byteCount"/> bytes, keeping its contents and zeroing the new tail.</summary>
    public void Resize(nuint byteCount)
    {
        var pointer = NativeMemory.AlignedRealloc(Pointer, Math.Max(byteCount, 1), Alignment);
        if (byteCount > ByteCount)
        {
            NativeMemory.Clear((byte*)pointer + ByteCount, byteCount - ByteCount);
        }

        SetHandle((IntPtr)pointer);
        ByteCount = byteCount;
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}
