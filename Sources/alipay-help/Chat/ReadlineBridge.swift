import CReadline
import Foundation

/// What readline's C callbacks hand back to Swift. C callbacks cannot capture context, so this
/// state is global; the chat runs on one thread only.
enum ReadlineBridge {
    nonisolated(unsafe) static var received = false
    nonisolated(unsafe) static var line: String?
    nonisolated(unsafe) static var completionCandidates: [String] = []
    nonisolated(unsafe) static var completionMatches: [String] = []

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { raw in
        received = true
        if let raw {
            line = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
            free(raw)
        } else {
            line = nil  // Ctrl-D on an empty line
        }
        // Remove the handler so readline does not redraw the prompt before our reply.
        cr_remove()
    }

    static let completer:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
            text, start, _ in
            cr_no_filename_completion()
            let prefix = text.map { String(cString: $0) } ?? ""
            let commandWord = start == 0 && prefix.hasPrefix("/")
            completionMatches = completionCandidates.filter { candidate in
                candidate.hasPrefix("/") == commandWord && candidate.lowercased().hasPrefix(prefix.lowercased())
            }
            return cr_completion_matches(text, generator)
        }

    static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        let index = Int(state)
        guard index < completionMatches.count else { return nil }
        return strdup(completionMatches[index])  // readline frees it
    }
}
