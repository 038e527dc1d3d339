#if canImport(Glibc)
internal import CMalloc
#endif

/// How the `ldf` process gets its memory from the C allocator.
enum ProcessMemory {
    /// Largest block still taken from the heap rather than from its own `mmap` (bytes).
    static let heapBlockLimit: Int32 = 1 << 30
    /// Free memory the heap keeps before giving it back to the system (bytes).
    static let heapKeepLimit: Int32 = 1 << 30

    /// Keeps large blocks in glibc's heap, so that memory freed by one stage of a run (the file's
    /// bytes once parsed, a channel once gridded) is reused by the next (the padded signal, the
    /// spectrum) instead of being unmapped and faulted in again page by page. By default glibc
    /// maps every block over 128 KiB-32 MiB separately and unmaps it on free; on these virtual
    /// machines each fresh page costs a fault, and a 24 h recording at 40 Hz touched 60,000 of
    /// them (36,000 after this: 0.92x the CPU over 9 interleaved pairs of benchmarks/ab.sh, and
    /// 27 MiB more peak memory).
    /// A no-op where the allocator is not glibc's.
    static func keepLargeBlocksInHeap() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, heapBlockLimit)
        _ = mallopt(M_TRIM_THRESHOLD, heapKeepLimit)
        #endif
    }
}
