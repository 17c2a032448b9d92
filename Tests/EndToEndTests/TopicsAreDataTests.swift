import Foundation
import Testing

/// A knowledge-base author adds a topic with a file, and no Swift change: the binary matches it,
/// answers it, lints it and reports it in `test`.
@Suite struct TopicsAreDataTests {
    static let sixthTopic = """
        id: public_transport
        order: 6
        title:
          en: "Riding buses and the metro with Alipay"
          zh: "用支付宝乘公交地铁"
        require: ["metro", "subway", "bus", "transit", "乘车码", "地铁", "公交"]
        examples:
          - "how do I ride the metro with alipay"
          - "can I take the subway using alipay"
          - "pay for the bus with my phone through alipay"
          - "alipay transit code for the metro"
          - "does the alipay transit code work on buses"
          - "metro ride with alipay"
          - "bus fare alipay"
          - "subway alipay how"
          - "支付宝乘车码怎么用"
          - "坐地铁能用支付宝吗"
          - "公交车上怎么用支付宝付钱"
          - "支付宝地铁乘车码"
        answer:
          summary:
            en: "Open the transit code in Alipay and scan it at the gate or on the bus."
            zh: "在支付宝里打开乘车码，在闸机或公交车上扫码即可。"
        """

    func knowledgeBaseWithSixthTopic() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alipay-help-six-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: BinaryRunner.intents, toPath: folder.path)
        try Self.sixthTopic.write(
            to: folder.appendingPathComponent("public_transport.yaml"), atomically: true, encoding: .utf8)
        let suite = """
            cases:
              - {q: "can I use alipay on the subway", expect: public_transport}
              - {q: "地铁上怎么刷支付宝", expect: public_transport}
            """
        try suite.write(
            to: folder.appendingPathComponent("tests/public_transport.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func aSixthTopicIsMatchedAnsweredLintedAndTested() throws {
        let kb = try knowledgeBaseWithSixthTopic()
        let answer = try BinaryRunner.run(
            ["ask", "--json", "--kb", kb, "can I take the metro with alipay?"], kb: false)
        let object = try #require(try BinaryRunner.jsonObjects(answer).first)
        #expect(object["intent"] as? String == "public_transport", "\(object)")
        #expect((object["answer"] as? String ?? "").contains("transit code"), "\(object)")

        let lint = try BinaryRunner.run(["check", "--kb", kb], kb: false)
        #expect(lint.status == 0, "\(lint.stderr)")

        let report = try BinaryRunner.run(["test", "--kb", kb, kb + "/tests/public_transport.yaml"], kb: false)
        #expect(report.text.contains("public_transport"), "\(report.text)")
        #expect(report.text.contains("public_transport.yaml"), "\(report.text)")
    }
}
