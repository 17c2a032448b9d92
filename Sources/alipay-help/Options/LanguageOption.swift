import AlipayHelpKit
import ArgumentParser

extension Language: ExpressibleByArgument {}

/// `--lang en|zh|auto`, shared by the commands that reply.
struct LanguageOption: ParsableArguments {
    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case en, zh
        case zhHant = "zh-Hant"
        case auto
    }

    @Option(
        name: .customLong("lang"),
        help: "Reply language: en, zh, zh-Hant (Traditional), or auto (the question's language).")
    var choice: Choice = .auto

    /// nil for auto.
    var language: Language? {
        switch choice {
        case .en: return .en
        case .zh: return .zh
        case .zhHant: return .zhHant
        case .auto: return nil
        }
    }
}
