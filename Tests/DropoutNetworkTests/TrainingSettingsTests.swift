import Foundation
import XCTest

@testable import DropoutNetwork

/// The settings' own rules: a refused value throws the setting's name, the value and what it
/// accepts, and changes nothing; decoding checks as setting does.
final class TrainingSettingsTests: XCTestCase {
    func testEachRuleRefusesItsBoundaryAndKeepsTheOldValue() {
        var settings = TrainingSettings()
        let before = settings
        func refusal(_ set: (inout TrainingSettings) throws(SettingError) -> Void) -> SettingError? {
            do { try set(&settings) } catch { return error }
            return nil
        }
        XCTAssertEqual(
            refusal { s throws(SettingError) in try s.set(.alpha, to: 0) },
            SettingError(
                name: "alpha", value: "0.0", accepted: "a finite number greater than 0", condition: "greater than 0"))
        XCTAssertEqual(refusal { s throws(SettingError) in try s.set(.alpha, to: .infinity) }?.name, "alpha")
        XCTAssertEqual(
            refusal { s throws(SettingError) in try s.set(.dropout, to: 1) },
            SettingError(
                name: "dropout", value: "1.0", accepted: "a number from 0 up to, not including, 1", condition: nil))
        XCTAssertEqual(refusal { s throws(SettingError) in try s.set(.dropout, to: .nan) }?.name, "dropout")
        XCTAssertEqual(refusal { s throws(SettingError) in try s.set(.inputDropout, to: -0.1) }?.name, "input_dropout")
        XCTAssertEqual(
            refusal { s throws(SettingError) in try s.set(.maxNorm, to: -1) }?.condition,
            "0 (off) or a finite number greater than 0")
        XCTAssertEqual(
            refusal { s throws(SettingError) in try s.set(.hidden, to: 4097) },
            SettingError(name: "hidden", value: "4097", accepted: "a whole number from 1 to 4096", condition: nil))
        XCTAssertEqual(refusal { s throws(SettingError) in try s.set(.hidden, to: 0) }?.value, "0")
        XCTAssertEqual(settings, before)

        XCTAssertNil(refusal { s throws(SettingError) in try s.set(.dropout, to: 0) })
        XCTAssertNil(refusal { s throws(SettingError) in try s.set(.maxNorm, to: 0) })
        XCTAssertNil(refusal { s throws(SettingError) in try s.set(.hidden, to: 4096) })
        XCTAssertEqual(settings.dropoutRate, 0)
        XCTAssertEqual(settings[.hidden], 4096)
    }

    /// Stored under the post's names, and read back through the same rules.
    func testDecodingChecksAsSettingDoes() throws {
        var settings = TrainingSettings()
        try settings.set(.alpha, to: 0.3)
        try settings.set(.inputDropout, to: 0.1)
        settings.scaling = .classic
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(settings), as: UTF8.self)
        XCTAssertEqual(
            text,
            #"{"alpha":0.3,"dropout":0.2,"gradient":"blog","hidden":4,"input_dropout":0.1,"#
                + #""maxnorm":0,"scaling":"classic"}"#
        )
        XCTAssertEqual(try JSONDecoder().decode(TrainingSettings.self, from: Data(text.utf8)), settings)

        let old = #"{"alpha":0.5,"dropout":0.2,"gradient":"blog","hidden":4,"scaling":"inverted"}"#
        XCTAssertEqual(try JSONDecoder().decode(TrainingSettings.self, from: Data(old.utf8)), TrainingSettings())

        var choices = settings
        choices.loss = .crossEntropy
        try choices.set(.weightDecay, to: 0.01)
        let withChoices = String(decoding: try encoder.encode(choices), as: UTF8.self)
        XCTAssertEqual(
            withChoices,
            #"{"alpha":0.3,"dropout":0.2,"gradient":"blog","hidden":4,"input_dropout":0.1,"loss":"cross_entropy","#
                + #""maxnorm":0,"scaling":"classic","weight_decay":0.01}"#, "written only when on")
        XCTAssertEqual(try JSONDecoder().decode(TrainingSettings.self, from: Data(withChoices.utf8)), choices)
        let negative = withChoices.replacingOccurrences(of: #""weight_decay":0.01"#, with: #""weight_decay":-1"#)
        XCTAssertThrowsError(try JSONDecoder().decode(TrainingSettings.self, from: Data(negative.utf8))) { error in
            XCTAssertEqual((error as? SettingError)?.name, "weight_decay")
        }
        let unknownLoss = withChoices.replacingOccurrences(of: "cross_entropy", with: "hinge")
        XCTAssertThrowsError(try JSONDecoder().decode(TrainingSettings.self, from: Data(unknownLoss.utf8)))

        let refused = text.replacingOccurrences(of: #""dropout":0.2"#, with: #""dropout":1"#)
        XCTAssertThrowsError(try JSONDecoder().decode(TrainingSettings.self, from: Data(refused.utf8))) { error in
            XCTAssertEqual((error as? SettingError)?.name, "dropout")
        }
    }
}
