/// What can be typed at any step.
enum FlowCommand {
    case back, repeatStep, skip, cancel, help

    init?(_ phrase: String) {
        switch phrase {
        case "back", "go back", "previous", "返回", "上一步": self = .back
        case "repeat", "again", "say again", "repeat that", "重复", "再说一遍": self = .repeatStep
        case "skip", "skip it", "skip this", "跳过": self = .skip
        case "cancel", "stop", "quit", "exit", "abort", "cancel flow", "stop the guide", "取消", "退出", "停止", "不弄了":
            self = .cancel
        case "help", "?", "帮助": self = .help
        default: return nil
        }
    }
}
