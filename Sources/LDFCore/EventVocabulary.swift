import Foundation

/// The words labs use for the start and release of an occlusion, and the rules that classify an
/// event label with them.
///
/// A label is split into lower-case words (`OcclusionEnd`, `occlusion_end`, `occlusion-end` and
/// `Occlusion End` all give `occlusion end`; accents are dropped, so `Ischämie` gives `ischamie`).
/// Then, in order:
/// 1. a word of "before" (`pre`, `before`, `baseline`, `vor`) makes it a comment (`pre-occlusion`);
/// 2. a release word on its own (`release`, `deflate`, `reperfusion`, ...) makes it a release;
/// 3. an occlusion word (`occlusion`, `okklusion`, `ischemia`, `cuff`, ...) with an end word
///    (`end`, `stop`, `off`, `aus`, `post`, ...) is a release; with a start word (`start`, `on`,
///    `begin`, ...), or alone for every occlusion word but `cuff`, a start;
/// 4. an inflation word (`inflate`, `inflation`, ...) is a start;
/// 5. anything else is a comment.
/// Labels nothing here recognises can be mapped by the user (`EventMap`).
public enum EventVocabulary {
    static let beforeWords: Set<String> = ["pre", "before", "baseline", "vor", "prior"]
    static let releaseWords: Set<String> = [
        "release", "released", "releasing", "deflate", "deflated", "deflation", "deflating", "reperfusion", "reperfused",
        "reperfusing", "freigabe",
    ]
    /// Words that name the occlusion; `cuff` needs a start or end word to count.
    static let occlusionWords: Set<String> = [
        "occlusion", "occlusions", "occluded", "occlude", "occluding", "okklusion", "okklusionen", "ischemia", "ischaemia",
        "ischemic", "ischaemic", "ischamie", "ischemie", "cuff", "manschette",
    ]
    static let endWords: Set<String> = ["end", "ende", "ended", "stop", "stopped", "off", "aus", "finish", "finished", "over", "post", "after", "nach"]
    static let startWords: Set<String> = ["start", "started", "begin", "beginning", "beginn", "on", "onset", "an", "ein"]
    static let inflationWords: Set<String> = ["inflate", "inflated", "inflation", "inflating", "aufpumpen"]

    /// Classifies a free-text label (see the type's rules).
    public static func classify(_ label: String) -> EventKind {
        let words = Set(self.words(label))
        if !words.isDisjoint(with: beforeWords) { return .comment }
        if !words.isDisjoint(with: releaseWords) { return .occlusionRelease }
        let subjects = words.intersection(occlusionWords)
        if !subjects.isEmpty {
            if !words.isDisjoint(with: endWords) { return .occlusionRelease }
            if !words.isDisjoint(with: startWords) || subjects.contains(where: { $0 != "cuff" && $0 != "manschette" }) {
                return .occlusionStart
            }
        }
        if !words.isDisjoint(with: inflationWords) { return .occlusionStart }
        return .comment
    }

    /// Lower-case words of `text`: split at every character that is not a letter or digit, at
    /// lower-to-upper case changes (`OcclusionEnd`) and between letters and digits; accents removed.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for ch in text {
            let isWordCharacter = ch.isLetter || ch.isNumber
            if !isWordCharacter {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let p = previous, (p.isLowercase && ch.isUppercase) || (p.isLetter != ch.isLetter) {
                words.append(current)
                current = ""
            }
            current.append(ch)
            previous = ch
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased() }
    }
}
