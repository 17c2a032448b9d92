import Foundation

/// What the assistant says around the knowledge-base answers (conversation, guided flows,
/// chat), kept in `intents/messages.yaml` in both languages. Placeholders are written
/// `{name}` and filled by the caller.
public enum MessageKey: String, CaseIterable, Sendable {
    case didYouMean = "did_you_mean"
    case chooseHint = "choose_hint"
    case confirmTopic = "confirm_topic"
    case confirmTopicHint = "confirm_topic_hint"
    case offerDeclined = "offer_declined"
    case moreWithoutContext = "more_without_context"
    case nothingToChoose = "nothing_to_choose"
    case moreAfterWholeArticle = "more_after_whole_article"
    case choosePartHint = "choose_part_hint"
    case whichTopic = "which_topic"
    case customerService = "customer_service"
    case tooLong = "too_long"
    case codeWarning = "code_warning"
    case flowCommandsHint = "flow_commands_hint"
    case yesNoHint = "yes_no_hint"
    case doneHint = "done_hint"
    case stepHeading = "step_heading"
    case backToStep = "back_to_step"
    case typeNumberAgain = "type_number_again"
    case confirmNumber = "confirm_number"
    case atFirstStep = "at_first_step"
    case cannotSkip = "cannot_skip"
    case optionalStepHint = "optional_step_hint"
    case cancelled = "cancelled"
    case tooManyInvalid = "too_many_invalid"
    case finished = "finished"
    case allDone = "all_done"
    case stillToDo = "still_to_do"
    case checkedNumber = "checked_number"
    case invalidYesNo = "invalid_yes_no"
    case invalidChoice = "invalid_choice"
    case invalidPhoneNumber = "invalid_phone_number"
    case invalidAcknowledge = "invalid_acknowledge"
    case numberNotANumber = "number_not_a_number"
    case numberNotMainland = "number_not_mainland"
    case numberWrongLength = "number_wrong_length"
    case numberWrongStart = "number_wrong_start"
    case banner = "banner"
    case bannerHint = "banner_hint"
    case chatHelp = "chat_help"
    case goodbye = "goodbye"
    case unknownCommand = "unknown_command"
    case didYouMeanCommand = "did_you_mean_command"
    case explainOn = "explain_on"
    case explainOff = "explain_off"
    case historyCleared = "history_cleared"
    case historyHint = "history_hint"
    case languageSet = "language_set"
    case languageHint = "language_hint"
    case otherLanguageNote = "other_language_note"
    case verdictWithin = "verdict_within"
    case verdictOver = "verdict_over"
    case verdictRemaining = "verdict_remaining"
    case verdictUsedUp = "verdict_used_up"
    case verdictChoiceYes = "verdict_choice_yes"
    case verdictChoiceNo = "verdict_choice_no"
    case verdictChoiceMaybe = "verdict_choice_maybe"
}

/// The loaded `messages.yaml`.
public struct Messages: Sendable {
    var texts: [MessageKey: LocalizedText]

    public init(texts: [MessageKey: LocalizedText]) {
        self.texts = texts
    }

    public func text(_ key: MessageKey, _ language: Language, _ values: [String: String] = [:]) -> String {
        let text = texts[key]?.text(language) ?? key.rawValue
        return values.isEmpty ? text : text.fillingPlaceholders(values)
    }

    public func localized(_ key: MessageKey) -> LocalizedText? { texts[key] }
}

extension String {
    /// Each `{name}` replaced by its value, in one pass over the text; an unknown name, or a
    /// brace with no name after it, stays as written.
    func fillingPlaceholders(_ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 32)
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                let value = values[String(rest[afterOpen..<close])]
            else {
                result += "{"
                rest = rest[afterOpen...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
