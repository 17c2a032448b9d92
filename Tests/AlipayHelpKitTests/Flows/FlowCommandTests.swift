import Testing

@testable import AlipayHelpKit

/// Every flow command at every kind of step, and a question asked at each prompt, in English
/// and in Chinese, through the change-number guide.
@Suite struct FlowCommandTests {
    /// The kinds of place a person can be at in a flow, and the lines that lead there.
    enum Place: String, CaseIterable {
        case yesNo, acknowledge, choice, phoneNumber, confirmation

        var step: String {
            switch self {
            case .yesNo: return "can_receive_sms"
            case .acknowledge: return "open_settings"
            case .choice: return "verify_current"
            case .phoneNumber, .confirmation: return "new_number"
            }
        }

        /// The step before it, where `back` leads (the number prompt, from its confirmation).
        var previousStep: String {
            switch self {
            case .yesNo: return "can_receive_sms"
            case .acknowledge: return "can_receive_sms"
            case .choice: return "open_settings"
            case .phoneNumber: return "verify_current"
            case .confirmation: return "new_number"
            }
        }

        var depth: Int { Self.allCases.firstIndex(of: self)! }
    }

    struct Language: Sendable {
        var start: String
        var answers: [String]  // yes, done, choice 1, a number
        var back: String, repeatStep: String, skip: String, cancel: String, help: String
        /// What each place's prompt says, in place order.
        var prompts: [String]
        var confirmation: String
        var firstStep: String, cannotSkip: String, cancelled: String, commandsHint: String
        var question: String, answerToQuestion: String, backTo: String
    }

    static let english = Language(
        start: "/change-number", answers: ["yes", "done", "1", "13912345678"],
        back: "back", repeatStep: "repeat", skip: "skip", cancel: "cancel", help: "help",
        prompts: [
            "Can you still receive", "profile icon at the bottom right", "Enter it in the app", "type your new number",
            "type your new number",
        ],
        confirmation: "You typed 139****5678. Is that right?",
        firstStep: "This is the first step", cannotSkip: "can't be skipped", cancelled: "Guide cancelled",
        commandsHint: "At any step you can type",
        question: "how much can a red envelope hold?", answerToQuestion: "200 yuan", backTo: "Back to step")

    static let chinese = Language(
        start: "一步一步教我换支付宝手机号", answers: ["是", "好了", "1", "13912345678"],
        back: "返回", repeatStep: "重复", skip: "跳过", cancel: "取消", help: "帮助",
        prompts: ["还能收到短信吗", "点右下角的头像", "请把验证码输入到 App 里", "在 App 里输入新号码", "在 App 里输入新号码"],
        confirmation: "您输入的是 139****5678，对吗？",
        firstStep: "这已经是第一步了", cannotSkip: "这一步不能跳过", cancelled: "已退出引导", commandsHint: "每一步都可以输入",
        question: "红包最多多少钱", answerToQuestion: "200 元", backTo: "回到第")

    static let languages = [english, chinese]

    /// A conversation at `place`, in `language`.
    func conversation(at place: Place, _ language: Language) -> Conversation {
        var chat = Conversation(responder: Fixtures.responder)
        _ = chat.respond(to: language.start)
        for answer in language.answers.prefix(place.depth) { _ = chat.respond(to: answer) }
        return chat
    }

    @Test(arguments: Place.allCases, languages)
    func theWalkReachesEachPlace(place: Place, language: Language) {
        let chat = conversation(at: place, language)
        #expect(chat.currentFlowStep == place.step)
    }

    @Test(arguments: Place.allCases, languages)
    func backGoesToThePreviousPrompt(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.back).text
        #expect(chat.currentFlowStep == place.previousStep)
        if place == .yesNo { #expect(reply.contains(language.firstStep)) }
        #expect(!reply.contains(language.confirmation))
    }

    @Test(arguments: Place.allCases, languages)
    func repeatSaysThePromptAgain(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.repeatStep).text
        #expect(chat.currentFlowStep == place.step)
        #expect(reply.contains(language.prompts[place.depth]))
        #expect(reply.contains(language.confirmation) == (place == .confirmation))
    }

    @Test(arguments: Place.allCases, languages)
    func skipMovesOnOnlyFromTheOptionalStep(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.skip).text
        switch place {
        case .phoneNumber, .confirmation:
            #expect(chat.currentFlowStep == "confirm_new")
        default:
            #expect(chat.currentFlowStep == place.step)
            #expect(reply.contains(language.cannotSkip))
        }
    }

    @Test(arguments: Place.allCases, languages)
    func cancelEndsTheGuide(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.cancel).text
        #expect(chat.currentFlowStep == nil)
        #expect(reply.contains(language.cancelled))
    }

    @Test(arguments: Place.allCases, languages)
    func helpExplainsAndStays(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.help).text
        #expect(chat.currentFlowStep == place.step)
        #expect(reply.contains(language.commandsHint))
    }

    @Test(arguments: Place.allCases, languages)
    func aQuestionIsAnsweredThenTheSamePromptComesBack(place: Place, language: Language) {
        var chat = conversation(at: place, language)
        let reply = chat.respond(to: language.question).text
        #expect(chat.currentFlowStep == place.step)
        #expect(reply.contains(language.answerToQuestion))
        #expect(reply.contains(language.backTo))
        #expect(reply.contains(language.prompts[place.depth]))
        #expect(reply.contains(language.confirmation) == (place == .confirmation))
        // And the prompt still takes its answer: at the confirmation, yes confirms the number.
        if place == .confirmation {
            _ = chat.respond(to: language.answers[0])
            #expect(chat.currentFlowStep == "confirm_new")
        }
    }

    @Test(arguments: languages)
    func aNewNumberAfterRepeatReplacesTheOneWaiting(language: Language) {
        var chat = conversation(at: .confirmation, language)
        _ = chat.respond(to: language.repeatStep)
        let reply = chat.respond(to: "13912340000").text
        #expect(reply.contains("139****0000"))
        #expect(!reply.contains("139****5678"))
        #expect(chat.currentFlowStep == "new_number")
        let finished = chat.respond(to: language.answers[0])
        #expect(chat.currentFlowStep == "confirm_new")
        _ = finished
        _ = chat.respond(to: language.answers[1])
        let summary = chat.respond(to: language.answers[1]).text
        #expect(summary.contains("139****0000"))
        #expect(!summary.contains("139****5678"))
    }
}
