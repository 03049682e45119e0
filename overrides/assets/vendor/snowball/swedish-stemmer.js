/*
 * Snowball Swedish stemmer, the algorithm of Snowball 3.1.1 (swedish.sbl), in plain
 * JavaScript for the archive's search. It is a line-by-line port of the Python module that
 * Snowball generates from the same algorithm (snowballstemmer 3.1.1, swedish_stemmer.py),
 * which the build uses to stem the index: the browser stems each query word exactly as the
 * build stemmed the text (tests/test_search_stemmer.py compares both on a large word list).
 * Copyright and licence: the Snowball project's BSD licence, see LICENSE in this folder.
 *
 * Usage: arkivStemSv("jobbspåren") === "jobbspår" (input in lower case).
 */
(function (root) {
  "use strict";

  var VOWELS = "aeiouyäåö";
  var S_ENDING = "bcdfghjklmnoprtvy";
  var OST_ENDING = "iklnprtuv";

  // Suffix -> action, as in the generated stemmer's among tables (a_0 .. a_3).
  var ET_EXCEPTIONS = ["fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit"];
  var MAIN = {
    "a": 1, "arna": 1, "erna": 1, "heterna": 1, "orna": 1, "ad": 1, "e": 1, "ade": 1, "ande": 1,
    "arne": 1, "are": 1, "aste": 1, "en": 1, "anden": 1, "aren": 1, "heten": 1, "ern": 1, "ar": 1,
    "er": 1, "heter": 1, "or": 1, "s": 2, "as": 1, "arnas": 1, "ernas": 1, "ornas": 1, "es": 1,
    "ades": 1, "andes": 1, "ens": 1, "arens": 1, "hetens": 1, "erns": 1, "at": 1, "et": 3,
    "andet": 1, "het": 1, "ast": 1
  };
  var PAIRS = { "dd": 1, "gd": 1, "nn": 1, "dt": 1, "gt": 1, "kt": 1, "tt": 1 };
  var OTHER = { "ig": 1, "lig": 1, "els": 1, "fullt": 3, "öst": 2 };

  function isVowel(ch) { return ch !== undefined && VOWELS.indexOf(ch) >= 0; }

  // The longest suffix of word[0:end] in table that starts at or after `from` (find_among_b).
  function longest(word, end, from, table, maxLength) {
    for (var length = Math.min(maxLength, end - from); length > 0; length--) {
      var suffix = word.slice(end - length, end);
      if (Object.prototype.hasOwnProperty.call(table, suffix)) return suffix;
    }
    return "";
  }

  function endsWithAny(word, end, list) {
    var head = word.slice(0, end);
    for (var i = 0; i < list.length; i++) if (head.endsWith(list[i])) return true;
    return false;
  }

  // r_et_condition with the cursor at `pos` (just before "et"): a consonant after a vowel
  // that is not the word's first letter, and none of the exceptions.
  function etCondition(word, pos) {
    if (pos < 3) return false;
    if (isVowel(word[pos - 1])) return false;
    if (!isVowel(word[pos - 2])) return false;
    return !endsWithAny(word, pos, ET_EXCEPTIONS);
  }

  function regionOne(word) {
    var n = word.length;
    if (n < 3) return n;
    var i = 0;
    while (i < n && !isVowel(word[i])) i++;
    if (i >= n) return n;
    i++;
    while (i < n && isVowel(word[i])) i++;
    if (i >= n) return n;
    return Math.max(i + 1, 3);
  }

  function stem(word) {
    var w = String(word);
    var p1 = regionOne(w);
    // main suffix
    var suffix = longest(w, w.length, p1, MAIN, 7);
    if (suffix) {
      var start = w.length - suffix.length;
      var action = MAIN[suffix];
      if (action === 1) {
        w = w.slice(0, start);
      } else if (action === 2) {
        if (start >= 2 && w.slice(start - 2, start) === "et" && etCondition(w, start - 2)) {
          w = w.slice(0, start - 2);
        } else if (start > 0 && S_ENDING.indexOf(w[start - 1]) >= 0) {
          w = w.slice(0, start);
        }
      } else if (etCondition(w, start)) {
        w = w.slice(0, start);
      }
    }
    // consonant pair
    if (w.length >= p1 && longest(w, w.length, p1, PAIRS, 2) && w.length > p1) {
      w = w.slice(0, -1);
    }
    // other suffix
    if (w.length >= p1) {
      suffix = longest(w, w.length, p1, OTHER, 5);
      if (suffix) {
        var at = w.length - suffix.length;
        var kind = OTHER[suffix];
        if (kind === 1) w = w.slice(0, at);
        else if (kind === 3) w = w.slice(0, at) + "full";
        else if (at > 0 && OST_ENDING.indexOf(w[at - 1]) >= 0) w = w.slice(0, at) + "ös";
      }
    }
    return w;
  }

  root.arkivStemSv = stem;
  if (typeof module !== "undefined" && module.exports) module.exports = stem;
})(typeof window !== "undefined" ? window : this);
