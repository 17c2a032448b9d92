import Foundation

/// Hands the pages of freed memory back to the system. Loading a large knowledge base leaves
/// megabytes freed but still resident in the allocator's arenas (its files are parsed on several
/// threads, each with an arena of its own); training a large matcher then puts its weight
/// tables on top of them. For 200 topics that was 15 MB of a 100 MB peak.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
            // glibc's `malloc_trim`, which its Swift module does not declare; looked up, so
            // another C library simply goes without.
            typealias Trim = @convention(c) (Int) -> Int32
            guard let handle = dlopen(nil, RTLD_NOW), let trim = dlsym(handle, "malloc_trim") else { return }
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        #endif
    }
}
