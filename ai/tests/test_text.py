"""The one text toolkit: normalising, tokens, word forms, sentences."""

from __future__ import annotations

from ai.offline import text


def test_normalising_folds_typographic_quotes_dashes_and_invisible_spaces():
    assert text.normalize("Zoë’s CV\u200b 2018\u20132023") == "Zoë's CV  2018-2023"
    assert text.fold("ZOË") == "zoe"


def test_word_forms_meet_through_the_lemmatiser():
    assert text.lemmas("administered medications") == ["administer", "medication"]
    assert text.lemma("reconciled") == "reconcile"
    assert text.lemma("led") == "lead"


def test_acronyms_and_symbol_words_are_kept_as_written():
    assert text.lemmas("RNs ML k8s C++ C# CI/CD Node.js") == [
        "rn",
        "ml",
        "k8s",
        "c++",
        "c#",
        "ci/cd",
        "node.js",
    ]


def test_tokens_know_where_they_stand():
    token = text.tokenize("Built APIs")[1]
    assert (token.raw, token.lemma, token.start, token.end) == ("APIs", "api", 6, 10)


def test_counted_durations_are_written_in_digits():
    assert text.digits_for_number_words("Six years in ICU") == "6 years in ICU"
    assert text.digits_for_number_words("twenty-five years") == "25 years"
    assert text.digits_for_number_words("one of six nurses") == "one of six nurses"


def test_abbreviations_do_not_end_a_sentence_and_wrapped_lines_are_joined():
    assert text.split_sentences("B.Sc. in Nursing. Then ICU.") == [
        "B.Sc. in Nursing.",
        "Then ICU.",
    ]
    assert text.split_sentences("Managed a team of\nfour nurses.") == [
        "Managed a team of four nurses."
    ]


def test_a_huge_text_is_tokenized_without_trouble():
    tokens = text.tokenize("word " * 200_000)
    assert len(tokens) == 200_000
