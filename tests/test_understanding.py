"""Understanding what people really say (issue 11): the phrasings corpus and the behaviours it stands for.

The corpus (tests/corpus/phrasings.yaml) was written for this project and
split in two halves by a hash before the matcher was tuned; the matcher was
tuned on the tuning halves only. The evaluation halves are only ever run.
Batches, each written before the round of tuning that followed it:
the first batch's evaluation half gave 86.2 % after the first round; the
second's, unseen, 89.0 % after the second; the third's, unseen and run once
at the end of the third round, 76.2 %; the fourth's, unseen and run once at
the end of the fourth, 76.9 %; the fifth's, written by someone who had not
read the matcher, unseen and run once at the end of the fifth, 83.0 %; the
sixth's, written likewise by someone else, 74.7 % at the end of the sixth;
the seventh's, by a third hand, 72.1 % at the end of the seventh (71.3 % with
the matcher before that round); the eighth's, by a fourth, never tuned on,
66.9 % with the matcher of the end of the seventh round and 69.4 % with the
one after it; the ninth's, by a fifth, 68.7 % with the rules alone and 75.3 %
with a first second opinion of the nearest written phrasings, 74.7 % with the
safer one kept; the others' figures are in tests/corpus/runs.yaml (MEASURED; docs/understanding.md: from the
third on, a batch holds only phrasings the corpus did not have yet). The issue's 95 % is
asserted on the last held-out half: while that half's share at its single run
was under 95 % the test is an expected failure, strictly, so that it fails the
day it passes. The hundred and first's was the first to reach it (95.8 %, 72
phrasings), the hundred and sixth's the second (96.9 %, 65); the nine others
from the ninety-seventh to the hundred and seventh gave 81.3 to 94.5 %: two
halves in eleven, not yet the rule.
Every « continue » in a pause resumes in place and no sentence for someone else
moves the guide, on every evaluation half but three named (KNOWN_HELD_OUT_MOVES).
The floors measured guard against regressions. The real
matcher, the real dialog and the bundled Ameli guide answer every phrase.
"""

from __future__ import annotations

import pytest

from tests.understanding_corpus import (
    EVALUATION,
    OFF_KINDS,
    RUNS_NOW,
    TUNING,
    UNDERSTOOD_KINDS,
    Report,
    Runner,
    load_corpus,
    run_half,
)
from voiceguide.dialog.intent import Intent, NoMatch, Options, Unsure
from voiceguide.dialog.machine import Mode, State
from voiceguide.dialog.matcher import MAX_CHARS
from voiceguide.language.morphology import lemma
from voiceguide.language.tokens import folded_words

RUNNER = Runner()
MATCHER = RUNNER.matcher


@pytest.fixture(scope="session")
def tuning() -> Report:
    return run_half(TUNING, RUNNER)


@pytest.fixture(scope="session")
def evaluation() -> Report:
    return run_half(EVALUATION, RUNNER)


@pytest.fixture(scope="session")
def held_out(evaluation: Report) -> Report:
    """The last batch run (HELD_OUT)'s evaluation half: unseen until it was run, once, with the matcher of the end of
    the round before (its figures: tests/corpus/runs.yaml)."""
    return evaluation.of_batches(HELD_OUT)


# What the evaluation halves give now (docs/understanding.md): floors against regressions. The seventh's
# and the eighth's were unseen when measured; the first six had been run, and their misses read, before
# (the third's was tuned on in the fourth round, the fourth's in the fifth, the fifth's in the sixth, the
# sixth's in the seventh: it gave 74.7 % when it was run, once). The seventh's gave 72.1 % when it was
# run, once; 72.8 % after the fixes that run found. The eighth's was never tuned on by rules: 69.4 %. The
# ninth's, run once, gave 68.7 % with the rules alone and 75.3 % with a first second opinion of the nearest
# phrasings (tuning halves only); made safer after that run (sentences for someone else with the guide's
# words were taken) and two fixes, it gave 74.7 %, and 85.8, 76.5 and 72.0 % on the sixth's, seventh's and eighth's;
# it is 76.0 % now, two of the fixes of the tenth round having come from its misses. The tenth's, run once (both
# halves) with the matcher of the end of the ninth round and that of the end of the tenth, gave 60.9 % both times.
# The eleventh's, run once (both halves) with the matcher of the end of the tenth round and that of the end of
# the eleventh, gave 58.6 % and 60.9 %; the eleventh round, tuned on tuning halves only, also raised the
# seen evaluation halves of the fifth to the tenth batches (from 95.9, 86.4, 76.5, 72.6, 76.0, 60.9 %). The
# twelfth round, tuned on tuning halves only, moved them by a phrase or two each way: the sixth's, seventh's and
# ninth's up (87.7, 78.7, 81.3 %), the eighth's and tenth's down one phrase each (72.6, 62.6 %). The twelfth's,
# run once (both halves) with the matcher of the end of the eleventh round and that of the end of the twelfth, gave
# 63.9 % and 63.2 %; the one phrase lost (« je peux vous répondre comment, là ? ») and two wrong acts the run
# showed (a goodbye beside « c'est bon » went on; « la partie pour se déconnecter » listed the sommaire) were
# fixed after: 64.7 %; 65.4 % once « tu peux attendre » was no longer the choice « j'attends toujours le
# message ». The thirteenth's, run once (both halves) with the matcher of the end of the twelfth round
# and that of the end of the thirteenth, gave 65.5 % both times; 66.4 % after the two fixes the run showed.
# The fourteenth's, run once (both halves) with the matcher of the end of the thirteenth round and once with the
# classifier added to the second opinion (language/classifier.py), gave 65.0 % and 70.1 %; 70.9 % after the
# fixes the run showed. The classifier lifted every evaluation half it had never seen (up to +6.5 points).
# The fifteenth's, run once (both halves) with the matcher of the end of the fourteenth round (the classifier
# included), gave 76.6 %; 77.6 % after the fixes the run showed and with its tuning half among the examples.
# The sixteenth's, run once (both halves) with the matcher of the end of the fifteenth round, gave 72.6 %, and
# showed one sentence for someone else that moved the guide (fixed: test_found_in_the_sixteenth_round).
# The seventeenth's, run once (both halves) with the matcher of the end of the sixteenth round, gave 72.3 %
# (60/83), no sentence for someone else moved the guide; 74.7 % after the seventeenth round. With its tuning half
# among the examples, the retrained classifier is less sure of two phrasings of the eighth's and the sixteenth's
# evaluation halves, now asked about (docs/understanding.md). The eighteenth's, run once (both halves) with the
# matcher of the end of the seventeenth round, gave 73.1 % (76/104), no sentence for someone else moved the guide;
# 76.9 % after the nineteenth round. The nineteenth's, run once (both halves) with the matcher of the end of the
# eighteenth round, gave 72.9 % (70/96), no sentence for someone else moved the guide; 74.0 % after the nineteenth
# round, tuned on the tuning halves only (its own: 75.9 -> 91.6 %); 76.0 % after the twentieth. The twentieth's,
# run once (both halves) with the matcher of the end of the nineteenth round, gave 88.9 % (64/72; its tuning half:
# 74.7 %), no sentence for someone else moved the guide; the twentieth round (before that run and after it), tuned
# on the tuning halves only (its own: 74.7 -> 95.8 %), left it at 88.9 % and raised the evaluation halves seen
# before by 0 to 6 points. The twenty-first's, run once (both halves) with the matcher of the end of the twentieth
# round, gave 80.9 % (76/94; its tuning half: 80.4 %) and showed one sentence for someone else that moved the guide
# (« … t'as qu'à valider toi-même, vas-y … »: fixed, test_found_by_the_twenty_first_run); the fixes after it kept
# 80.9 % and, with its tuning half among the examples, brought the twentieth's to 91.7 %. The twenty-second's, run
# once (both halves) with the matcher of the end of the twenty-first round, gave 81.6 % (84/103; its tuning half:
# 76.6 %) and showed three sentences for someone else that moved the guide (« … celui de ton père, d'après toi ? »,
# « … m'a dit de passer par le site … », on its evaluation half; « Avant on habitait à Roubaix … » on its tuning
# half): fixed, test_found_by_the_twenty_second_run. The twenty-third's, run once (both halves) with the matcher of
# the end of the twenty-second round, gave 89.0 % (81/91; its tuning half: 75.0 %), no sentence for someone else
# moved the guide. The twenty-fourth's, run once (both halves) with the matcher of the end of the twenty-third
# round, gave 80.5 % (70/87; its tuning half: 79.0 %), no sentence for someone else moved the guide. The
# twenty-fifth's, run once (both halves) with the matcher of the end of the twenty-fourth round, gave 80.4 % (82/102;
# its tuning half: 79.2 %), no sentence for someone else moved the guide. The twenty-sixth's, run once (both halves)
# with the matcher of the end of the twenty-fifth round, gave 81.9 % (68/83; its tuning half: 85.4 %); one sentence
# for someone else of its tuning half moved the guide (fixed: test_found_by_the_twenty_sixth_run). The
# twenty-seventh's, run once (both halves) with the matcher of the end of the twenty-sixth round, gave 81.9 % (77/94;
# its tuning half: 84.6 %), no sentence for someone else moved the guide. The twenty-eighth's, run once (both halves)
# with the matcher of the end of the twenty-seventh round, gave 79.3 % (65/82; its tuning half: 83.3 %), no sentence
# for someone else moved the guide. The twenty-ninth's, run once (both halves) with the matcher of the end of the
# twenty-eighth round, gave 81.4 % (70/86; its tuning half: 82.4 %); two sentences for someone else of its tuning half
# moved the guide (fixed: test_found_by_the_twenty_ninth_run). The thirtieth's, run once (both halves) with the
# matcher of the end of the twenty-ninth round, gave 80.0 % (60/75; its tuning half: 83.1 %); three sentences for
# someone else of its tuning half moved the guide (fixed: test_found_by_the_thirtieth_run). The thirty-first's, run
# once (both halves) with the matcher of the end of the thirtieth round, gave 81.0 % (81/100; its tuning half: 88.9 %);
# one sentence for someone else of its tuning half moved the guide (« La suite au prochain numéro, comme disait
# l'autre. » → next, by the second opinion: with that half among the examples it is asked, and moves nothing; fixed:
# test_found_by_the_thirty_first_run). The thirty-second's, run once (both halves) with the matcher of the end of the
# thirty-first round, gave 77.9 % (67/86; its tuning half: 83.7 %), no sentence for someone else moved the guide. The
# thirty-third's, run once (both halves) with the matcher of the end of the thirty-second round, gave 85.9 % (61/71;
# its tuning half: 78.9 %); one sentence for someone else of its tuning half moved the guide (fixed:
# test_found_by_the_thirty_third_run). The thirty-fourth's, run once (both halves) with the matcher of the end of the
# thirty-third round, gave 85.6 % (95/111; its tuning half: 78.5 %); three sentences for someone else of its tuning
# half moved the guide (KNOWN_MOVES). With its tuning half among the nearest phrasings, two phrases the guide acted on
# are asked now (the thirty-second's « c fait la date est mise on enchaine », the twenty-sixth's « En fait je voudrais
# écrire à la Sécu pour me plaindre. »); the first is acted on again after the round (« c » before a word is
# « c'est »), the twenty-sixth's tuning floor is one phrase lower. The thirty-fifth's, run once (both halves) with the
# matcher of the end of the thirty-fourth round, gave 80.7 % (88/109; its tuning half: 76.6 %); one sentence for
# someone else of its evaluation half moved the guide, the first on an evaluation half at its run
# (KNOWN_HELD_OUT_MOVES); with its tuning half among the nearest phrasings, the twenty-fifth's and the thirty-fourth's
# tuning floors are one phrase lower. Since 4c5350d a « oui » or a « non » counts as understood only when the dialog
# does with it what the answer does: ten « oui » at « Voulez-vous vraiment quitter ? » below the final-yes threshold,
# met with « Je n'ai pas compris » and the question again, had been counted (the thirteenth's and the thirty-fifth's
# tuning floors are one phrase lower; evaluation halves 9, 10, 11 and 15 lost them within their floors). The
# thirty-sixth's, run once (both halves) with the matcher of the end of the thirty-fifth round, gave 73.3 % (88/120; its
# tuning half: 66.0 %), no sentence for someone else moved the guide; with its tuning half among the nearest phrasings,
# the twenty-seventh's tuning floor is one phrase lower. The thirty-seventh's, run once with the matcher of the end of
# the thirty-sixth round, gave 70.3 % (71/101; its tuning half: 75.3 %), no sentence for someone else moved the guide.
# The thirty-eighth's, run once with the matcher of the end of the thirty-seventh round, gave 75.8 % (72/95; its tuning
# half: 71.7 %), no sentence for someone else moved the guide; with its tuning half among the nearest phrasings, the
# thirty-sixth's evaluation half lost a phrase (« … Y a des mots spéciaux ? », asked): an adjective the lexicon does
# not know, after a noun, now weighs little, and it is understood again. The thirty-ninth's, run once with the matcher
# of the end of the thirty-eighth round, gave 71.1 % (69/97; its tuning half: 77.2 %); one sentence for someone else
# moved the guide on each half (fixed: test_found_by_the_thirty_ninth_run). The fortieth's, run once with the matcher
# of the end of the thirty-ninth round, gave 80.7 % (67/83; its tuning half: 71.3 %), no sentence for someone else
# moved the guide; with its tuning half among the nearest phrasings, the thirty-eighth's tuning floor is one phrase
# lower. The forty-first's, run once with the matcher of the end of the fortieth round, gave 69.1 % (65/94; its tuning
# half: 71.1 %); no sentence for someone else moved the guide on its evaluation half, one on its tuning half
# (fixed: test_found_by_the_forty_first_run); with its tuning half among the nearest phrasings, the thirty-ninth's
# tuning floor is one phrase lower. The forty-second's, run once with the matcher of the end of the forty-first round,
# gave 72.2 % (65/90; its tuning half: 84.8 %); no sentence for someone else moved the guide on either half. The
# forty-third's, run once with the matcher of the end of the forty-second round, gave 74.5 % (82/110; its tuning half:
# 77.0 %); one sentence for someone else moved the guide on its evaluation half (fixed after its run:
# test_found_by_the_forty_third_run), none on its tuning half. The forty-fourth's, run once with the matcher of the
# end of the forty-third round, gave 72.8 % (67/92; its tuning half: 78.2 %); no sentence for someone else moved the
# guide on either half; with its tuning half among the nearest phrasings, its evaluation half is one phrase lower (« Le
# bouton à trois traits, il est où sur la page ? Vous pouvez préciser ? » is asked). The forty-fifth's, run once with
# the matcher of the end of the forty-fourth round, gave 77.6 % (66/85; its tuning half: 77.5 %); no sentence for
# someone else moved the guide on either half. The forty-sixth's, run once with the matcher of the end of the
# forty-fifth round, gave 79.5 % (70/88; its tuning half: 75.8 %); no sentence for someone else moved the guide on
# either half. The forty-seventh's, run once with the matcher of the end of the forty-sixth round, gave 74.1 % (63/85;
# its tuning half: 85.9 %); no sentence for someone else moved the guide on either half. The forty-eighth's, run once
# with the matcher of the end of the forty-seventh round, gave 83.8 % (83/99; its tuning half: 63.8 %); no sentence
# for someone else moved the guide on either half. The forty-ninth's, run once with the matcher of the end of the
# forty-eighth round, gave 79.4 % (81/102; its tuning half: 74.0 %); one sentence for someone else moved the guide on
# its evaluation half (fixed after its run: test_found_by_the_forty_ninth_run), none on its tuning half. The fiftieth's,
# run once with the matcher of the end of the forty-ninth round, gave 80.2 % (73/91; its tuning half: 81.9 %); no
# sentence for someone else moved the guide on its evaluation half, one on its tuning half (fixed after its run:
# test_found_by_the_fiftieth_run). The fifty-first's, run once with the matcher of the end of the fiftieth round, gave
# 81.3 % (74/91; its tuning half: 74.0 %); no sentence for someone else moved the guide on either half. The
# fifty-second's, run once with the matcher of the end of the fifty-first round, gave 81.7 % (76/93; its tuning half:
# 73.6 %); one sentence for someone else moved the guide on its evaluation half (fixed after its run:
# test_found_by_the_fifty_second_run), none on its tuning half. The fifty-third's, run once with the matcher of the
# end of the fifty-second round, gave 75.9 % (63/83; its tuning half: 71.3 %); no sentence for someone else moved the
# guide on either half. The fifty-fourth's, run once with the matcher of the end of the fifty-third round, gave
# 84.0 % (79/94; its tuning half: 79.8 %); no sentence for someone else moved the guide on either half. The
# fifty-fifth's, run once with the matcher of the end of the fifty-fourth round, gave 76.9 % (60/78; its tuning half:
# 77.2 %); one sentence for someone else moved the guide on its evaluation half (fixed after its run:
# test_found_by_the_fifty_fifth_run), none on its tuning half. The fifty-sixth's, run once with the matcher of the end
# of the fifty-fifth round, gave 70.7 % (70/99; its tuning half: 71.2 %); no sentence for someone else moved the guide
# on either half. The fifty-seventh's, run once with the matcher of the end of the fifty-sixth round, gave 82.1 % (69/84;
# its tuning half: 79.8 %); no sentence for someone else moved the guide on its evaluation half, three on its tuning
# half (KNOWN_MOVES). The fifty-eighth's, run once with the matcher of the end of the fifty-seventh round, gave 73.6 %
# (53/72; its tuning half: 72.1 %); no sentence for someone else moved the guide on either half. The fifty-ninth's,
# run once with the matcher of the end of the fifty-eighth round, gave 74.4 % (67/90; its tuning half: 67.8 %); no
# sentence for someone else moved the guide on either half. The sixtieth's, run once with the matcher of the end of
# the fifty-ninth round, gave 72.9 % (70/96; its tuning half: 76.0 %); no sentence for someone else moved the guide on
# either half. With its tuning half among the nearest phrasings, one phrase of its evaluation half is asked (69/96).
# The sixty-first's, run once with the matcher of the end of the sixtieth round, gave 76.5 % (62/81; its tuning half:
# 72.7 %); one sentence for someone else of its evaluation half moved the guide (fixed after its run:
# test_found_by_the_sixty_first_run), none on its tuning half. The sixty-second's, run once with the matcher of the
# end of the sixty-first round, gave 77.4 % (65/84; its tuning half: 77.8 %); no sentence for someone else moved the
# guide on either half. The sixty-third's, run once with the matcher of the end of the sixty-second round, gave 75.0 %
# (60/80; its tuning half: 80.5 %); no sentence for someone else moved the guide on either half. The sixty-fourth's,
# run once with the matcher of the end of the sixty-third round, gave 64.3 % (45/70; its tuning half: 82.2 %); one
# sentence for someone else of its tuning half moved the guide (fixed after its run:
# test_found_by_the_sixty_fourth_run), none on its evaluation half. The sixty-fifth's, run once with the matcher of
# the end of the sixty-fourth round, gave 79.5 % (62/78; its tuning half: 79.5 %); no sentence for someone else moved
# the guide on either half. The sixty-sixth's, run once with the matcher of the end of the sixty-fifth round, gave
# 82.6 % (76/92; its tuning half: 74.0 %); no sentence for someone else moved the guide on either half. The
# sixty-seventh's, run once with the matcher of the end of the sixty-sixth round, gave 78.9 % (71/90; its tuning half:
# 88.2 %); no sentence for someone else moved the guide on either half. The sixty-eighth's, run once with the matcher
# of the end of the sixty-seventh round, gave 87.8 % (65/74; its tuning half: 77.9 %); one sentence for someone else
# of its tuning half moved the guide (fixed after its run: test_found_by_the_sixty_eighth_run), none on its evaluation
# half. With its tuning half among the nearest phrasings, one phrase of the sixty-seventh's evaluation half is asked
# (70/90; understood again, 71/90, with the seventieth's tuning half among them). The sixty-ninth's, run once with the
# matcher of the end of the sixty-eighth round, gave 85.3 % (58/68; its tuning half: 76.2 %); no sentence for someone
# else moved the guide on either half. The seventieth's, run once with the matcher of the end of the sixty-ninth
# round, gave 77.5 % (69/89; its tuning half: 78.2 %); no sentence for someone else moved the guide on either half.
# The seventy-first's, run once with the matcher of the end of the seventieth round, gave 80.5 % (70/87; its tuning
# half: 75.9 %); one request for help of its tuning half moved the guide (« je dis quoi maintenant ? » taken for
# « what comes next »; fixed after its run: test_found_by_the_seventy_first_run), no sentence for someone else on
# either half. The seventy-second's, run once with the matcher of the end of the seventy-first round, gave 81.0 %
# (64/79; its tuning half: 75.9 %); one sentence for someone else moved the guide on each half (« Continue, continue,
# je t'écoute, … » on its evaluation half, « Attends, tu peux me passer mes lunettes avant ? » on its tuning half;
# fixed after its run: test_found_by_the_seventy_second_run), and one « on continue » in a pause of its evaluation
# half was asked about instead of resuming (fixed in the dialog). The seventy-third's, run once with the matcher of
# the end of the seventy-second round, gave 83.3 % (65/78; its tuning half: 80.5 %); no sentence for someone else
# moved the guide on either half. The seventy-fourth's, run once with the matcher of the end of the seventy-third
# round, gave 88.1 % (74/84; its tuning half: 89.2 %); one sentence for someone else of its evaluation half moved the
# guide (« Ben dis donc, c'est beau ce qu'ils font maintenant avec les ordinateurs. » taken for « c'est bon »; fixed
# after its run: test_found_by_the_seventy_fourth_run), none on its tuning half. The seventy-fifth's, run once with
# the matcher of the end of the seventy-fourth round, gave 88.0 % (73/83; its tuning half: 78.7 %); one sentence for
# someone else of its evaluation half moved the guide (« Recule un peu, t'es devant l'écran. » went back a step; fixed
# after its run: test_found_by_the_seventy_fifth_run), none on its tuning half. The seventy-sixth's, run once with the
# matcher of the end of the seventy-fifth round, gave 76.3 % (74/97; its tuning half: 75.9 %); one sentence for
# someone else of its evaluation half moved the guide (« Dis, tu me l'avais donné, le code, quand tu m'as installé
# l'ordinateur ? » taken for « je suis installé », ready; fixed after its run: test_found_by_the_seventy_sixth_run),
# none on its tuning half. The seventy-seventh's, run once with the matcher of the end of the seventy-sixth round,
# gave 67.6 % (71/105; its tuning half: 69.6 %); no sentence for someone else moved the guide on either half, and
# every resume in a pause resumed in place. The seventy-eighth's, run once with the matcher of the end of the seventy-
# seventh round, gave 84.4 % (65/77; its tuning half: 87.1 %); one sentence for someone else of its evaluation half
# moved the guide (« Elle était belle, la chanson d'avant, ils devraient la remettre à la radio. » went back a step;
# fixed after its run: test_found_by_the_seventy_eighth_run), none on its tuning half. The seventy-ninth's, run once
# with the matcher of the end of the seventy-eighth round, gave 81.4 % (57/70; its tuning half: 78.4 %); no sentence
# for someone else moved the guide on either half, and every resume in a pause resumed in place. The eightieth's, run
# once with the matcher of the end of the seventy-ninth round, gave 79.1 % (68/86; its tuning half: 84.0 %); one
# sentence for someone else of its evaluation half moved the guide (« Tiens, le soleil revient. » went back a step;
# fixed after its run: test_found_by_the_eightieth_run), none on its tuning half. The eighty-first's, run once with
# the matcher of the end of the eightieth round, gave 68.4 % (52/76; its tuning half: 82.8 %); one sentence for
# someone else of its tuning half moved the guide (« Ça y est, c'est fini, tu peux ramener la tablette à ta mère. »
# went back a step; fixed after its run: test_found_by_the_eighty_first_run), none on its evaluation half. The eighty-
# second's, run once with the matcher of the end of the eighty-first round, gave 71.7 % (66/92; its tuning half: 82.1
# %); one sentence for someone else of its evaluation half moved the guide (« Onze sujets, rien que ça, ils aiment
# compliquer les choses. » chose the eleventh subject; fixed after its run: test_found_by_the_eighty_second_run), none
# on its tuning half; one resume in a pause of its evaluation half was asked about (« Bon allez, fin de la récré, on y
# va. »; fixed in the same test). The eighty-third's, run once with the matcher of the end of the eighty-second round,
# gave 71.8 % (56/78; its tuning half: 73.1 %); no sentence for someone else moved the guide on either half, and every
# resume in a pause resumed in place. The eighty-fourth's, run once with the matcher of the end of the eighty-third
# round, gave 82.9 % (58/70; its tuning half: 77.5 %); no sentence for someone else moved the guide on either half, and
# every resume in a pause resumed in place. The eighty-fifth's, run once with the matcher of the end of the
# eighty-fourth round, gave 88.3 % (68/77; its tuning half: 84.0 %); one sentence for someone else of its evaluation
# half moved the guide (« Onze sujets, ils en ont mis, des choses. » went on to the next step) and one of its tuning
# half (« Le médecin a dit qu'il fallait envoyer la feuille de soins, tu t'en souviens ? » chose a subject; both fixed
# after its run: test_found_by_the_eighty_fifth_run); every resume in a pause resumed in place. The eighty-sixth's, run
# once with the matcher of the end of the eighty-fifth round, gave 89.9 % (71/79; its tuning half: 93.4 %); one sentence
# for someone else of its evaluation half moved the guide (« J'aurais dû prendre mon café avant. » went back a step) and
# two of its tuning half (« T'as fait opposition pour ta carte Vitale perdue, toi ? », « Oui, oui, c'est ça, je suis
# dessus en ce moment, je te dis après. » went on; all three fixed after its run: test_found_by_the_eighty_sixth_run);
# every resume in a pause resumed in place. The eighty-seventh's, run once with the matcher of the end of the
# eighty-sixth round, gave 78.6 % (66/84; its tuning half: 83.8 %); one sentence for someone else of its evaluation half
# moved the guide (« Tiens, lis-moi ce qu'il y a écrit sur la lettre d'Ameli, mais pas le code. » went to « je n'ai pas
# de code ») and two of its tuning half (« Attends, je finis ça et je suis à toi. », « Attinds un peu, min fieu, j'ai
# presque fini. » went on; all three fixed after its run: test_found_by_the_eighty_seventh_run); every resume in a pause
# resumed in place. The eighty-eighth's, run once with the matcher of the end of the eighty-seventh round, gave 75.3 %
# (73/97; its tuning half: 75.7 %); no sentence for someone else moved the guide on either half, and every resume in a
# pause resumed in place. The eighty-third's floor went from 0.71 to 0.70 when the eighty-eighth's tuning half joined
# the nearest phrasings: « Retournez à la rubrique d'avant, s'il vous plaît, j'ai pas eu le temps. » is asked. The
# eighty-ninth's, run once with the matcher of the end of the eighty-eighth round, gave 83.0 % (73/88; its tuning half:
# 82.3 %); two sentences for someone else of its evaluation half moved the guide (« Tiens, ils m'ont remboursé le
# dentiste, c'est déjà ça. », « Il dit d'appuyer sur le bouton Suivant, tu le vois, toi ? » went on) and one of its
# tuning half (« Hmm, l'e-mail, je sais même plus si j'ai le mot de passe. » chose « par e-mail »; all three fixed after
# its run: test_found_by_the_eighty_ninth_run); every resume in a pause resumed in place. The ninetieth's, run once with
# the matcher of the end of the eighty-ninth round, gave 83.1 % (74/89; its tuning half: 94.2 %); no sentence for
# someone else moved the guide on either half, and every resume in a pause resumed in place. The ninety-first's, run
# once with the matcher of the end of the ninetieth round, gave 75.0 % (66/88; its tuning half: 82.5 %); no sentence
# for someone else moved the guide on either half, and every resume in a pause resumed in place. The ninety-second's,
# run once with the matcher of the end of the ninety-first round, gave 83.3 % (70/84; its tuning half: 85.2 %); one
# sentence for someone else of its evaluation half moved the guide (« Le mail, le mail… j'ai jamais su m'en servir. »
# chose « par e-mail »; fixed after its run: test_found_by_the_ninety_second_run), none on its tuning half; every
# resume in a pause resumed in place. The ninety-third's, run once with the matcher of the end of the ninety-second
# round, gave 94.4 % (68/72; its tuning half: 85.7 %); one sentence for someone else of its evaluation half moved the
# guide (« Il me demande si Ameli veut un code de confirmation, qu'est-ce que j'en sais, moi ? Viens voir. » chose
# « Ameli demande un code »; fixed after its run: test_found_by_the_ninety_third_run) and four of its tuning half (three
# fixed the same way, one named in KNOWN_MOVES); every resume in a pause resumed in place. The ninety-fourth's, run
# once with the matcher of the end of the ninety-third round, gave 85.7 % (72/84; its tuning half: 89.6 %); one
# sentence for someone else of its evaluation half moved the guide (« Regarde voir sur ton téléphone, y a un message
# d'Ameli ? » went to the messages) and one resume in a pause was asked about, not resumed in place (« Bon, on
# recommence où on s'était arrêtés. »), three sentences for someone else of its tuning half moved it; all fixed after
# its run: test_found_by_the_ninety_fourth_run. The seventy-second's floor went from 0.81 to 0.79 when the
# ninety-fourth's tuning half joined the nearest phrasings: « Un bouton radio ? C'est quoi cette histoire, expliquez
# mieux. » is asked. The ninety-fifth's, run once with the matcher of the end of the ninety-fourth round, gave 83.1 %
# (54/65; its tuning half: 89.5 %); two sentences for someone else of its evaluation half moved the guide (« T'es sûr
# qu'il faut pas valider avant ? » went back, « Elle me demande si j'ai un code, tu m'en avais pas fait un, l'an
# dernier ? » answered yes) and one of its tuning half; all three fixed after its run:
# test_found_by_the_ninety_fifth_run; every resume in a pause resumed in place. The ninety-sixth's, run once with the
# matcher of the end of the ninety-fifth round, gave 84.1 % (58/69; its tuning half: 94.0 %); three sentences for
# someone else of its evaluation half moved the guide (« T'as regardé dans les spams, toi, quand ça t'est arrivé ? »
# went on, « Papa, t'as une adresse e-mail, toi ? » chose « par e-mail », « Tu me lis le mail ? Non, lis pas le code à
# voix haute, montre-le-moi. » went to « je n'ai pas de code »; fixed after its run:
# test_found_by_the_ninety_sixth_run), none on its tuning half; every resume in a pause resumed in place. The
# ninety-seventh's, run once with the matcher of the end of the ninety-sixth round, gave 90.9 % (80/88; its tuning
# half: 98.2 %); two sentences for someone else of its evaluation half moved the guide (« Ma messagerie, je sais même
# plus comment on l'ouvre. » went to the messages, « Comment ça s'écrit, déjà, « remboursement » ? » to the payments)
# and one of its tuning half (« Un code, un code... j'en ai tellement, des codes. » chose « j'ai mon code »); all
# three fixed after its run: test_found_by_the_ninety_seventh_run; every resume in a pause resumed in place. The
# ninety-eighth's, run once with the matcher of the end of the ninety-seventh round, gave 91.5 % (65/71; its tuning
# half: 95.8 %); one sentence for someone else of its evaluation half moved the guide (« Ça y est, je suis sur mon
# compte, t'as vu ? » went on) and one of its tuning half (« Tu veux que je regarde tes paiements aussi, pendant que
# j'y suis ? » went to the payments); both fixed after its run: test_found_by_the_ninety_eighth_run; every resume in a
# pause resumed in place. The ninety-ninth's, run once with the matcher of the end of the ninety-eighth round, gave
# 88.2 % (60/68; its tuning half: 90.4 %); one sentence for someone else of its evaluation half moved the guide (« Je
# vais regarder les paiements, tu voulais savoir pour le remboursement du dentiste, c'est ça ? » went to the payments)
# and three of its tuning half (« Première connexion, première connexion… j'en ai déjà fait une, il me semble. » went
# on, « Pfff, tout ça pour voir un remboursement. » went to the payments, « Depuis le déménagement je confonds
# toujours avec l'ancien. » to « mes informations »); all four fixed after its run:
# test_found_by_the_ninety_ninth_run; every resume in a pause resumed in place. The hundredth's, run once with the
# matcher of the end of the ninety-ninth round, gave 84.6 % (55/65; its tuning half: 82.7 %); three sentences for
# someone else of its evaluation half moved the guide (« Tu vois, là il faut appuyer sur Suivant, c'est ce qu'il a
# dit. », « Oui, je suis sur la page d'accueil de mon compte, tu vois ce que je vois ? » and « Oui oui, j'ai bien
# noté, la suite je la ferai demain avec toi. » went on; fixed after its run: test_found_by_the_hundredth_run), none
# on its tuning half; every resume in a pause resumed in place. The hundred and first's, run once with the matcher of
# the end of the hundredth round, gave 95.8 % (69/72; its tuning half: 85.1 %); five sentences of its evaluation half
# moved the guide, three for someone else (« C'est bon, tu peux prendre l'ordinateur, j'ai fini. », « Il dit d'appuyer
# sur suivant, tu vois où c'est ? », « Ça y est, je suis sur mon compte, tu vois ! » went on; fixed after its run:
# test_found_by_the_hundred_and_first_run) and two exclamations that report the step done (KNOWN_HELD_OUT_MOVES), and
# one of its tuning half (« Regarde, y a « Mes démarches » et « Mes paiements ». » went to the payments; fixed the
# same way); every resume in a pause resumed in place. The fifty-seventh's floor went from 0.82 to 0.80 when the
# hundred and first's tuning half joined the nearest phrasings: « Ça y est, j'ai validé, ils vont m'envoyer la
# lettre. » is asked. The hundred and second's, run once with the matcher of the end of the hundred and first round,
# gave 91.2 % (62/68; its tuning half: 85.9 %); no sentence for someone else moved the guide on either half, and every
# resume in a pause resumed in place. The hundred and third's, run once with the matcher of the end of the hundred and
# second round, gave 92.1 % (58/63; its tuning half: 92.3 %); three sentences for someone else of its evaluation half
# moved the guide (« Tiens, un message de la banque, ça attendra. », « Tu veux que je regarde les paiements pour ta
# mère aussi ? », « Je l'envoie, ce message, ou tu veux le relire avant ? »), fixed after it
# (test_found_by_the_hundred_and_third_run), and one of its tuning half (« Oh ben ça alors, j'y suis arrivée toute
# seule ! », named in KNOWN_MOVES); every resume in a pause resumed in place. The hundred and fourth's, run once with
# the matcher of the end of the hundred and third round, gave 94.5 % (69/73; its tuning half: 82.4 %); one sentence
# for someone else of its evaluation half moved the guide (« Un code, un code... j'avais noté ça quelque part, moi. »,
# arguable, named in KNOWN_HELD_OUT_MOVES) and two of its tuning half (« Je te montre après comment on se déconnecte,
# d'accord ? » went on, fixed after it: test_found_by_the_hundred_and_fourth_run; « C'est bon, tu peux quitter la
# pièce, je vais y arriver. » ended the guide at its last step, where an unsure leave is now asked); every resume in a
# pause resumed in place. The hundred and fifth's, run once with the matcher of the end of the hundred and fourth
# round, gave 81.3 % (61/75; its tuning half: 90.4 %); three sentences for someone else of its evaluation half moved
# the guide (« Ah, le voilà, le message d'Ameli, enfin. », « Par la poste ça prend huit jours, tu te rends compte ? »,
# « Vas-y, toi, continue, moi je regarde. »), fixed after it (test_found_by_the_hundred_and_fifth_run), and two of its
# tuning half (one fixed the same way, one arguable, named in KNOWN_MOVES); every resume in a pause resumed in place.
# The ninety-second's floor went from 0.83 to 0.82 and the ninety-eighth's from 0.91 to 0.90 when the hundred and
# fifth's tuning half joined the nearest phrasings: « Expliquez-moi mieux cette histoire de code envoyé. » and « Bon,
# j'ai bien noté les quatre trucs, on y va. » are asked, the right meaning first. The hundred and sixth's, run once
# with the matcher of the end of the hundred and fifth round, gave 96.9 % (63/65; its tuning half: 87.5 %); one
# sentence for someone else of its evaluation half moved the guide (« Après, on passe à la pharmacie, d'accord ? »),
# fixed after it (test_found_by_the_hundred_and_sixth_run), and two of its tuning half (one fixed the same way, one
# named in KNOWN_MOVES); every resume in a pause resumed in place. It is the second held-out half to reach the issue's
# 95 % at its run. The hundred and seventh's, run once with the matcher of the end of the hundred and sixth round,
# gave 89.2 % (66/74; its tuning half: 89.8 %); one sentence for someone else of its evaluation half moved the guide
# (« Attends, je continue après, là je suis sur le site de la sécu. »), and one of its tuning half, both fixed after
# it (test_found_by_the_hundred_and_seventh_run); every resume in a pause resumed in place. The hundred and fifth's
# floor went from 0.81 to 0.80 when the hundred and seventh's tuning half joined the nearest phrasings: « Attendez,
# vous avez dit Ctrl et quelle lettre ? Redites-moi tout ça. » is asked, the right meaning first. The hundred and
# eighth's, run once with the matcher of the end of the hundred and seventh round, gave 92.3 % (72/78; its tuning
# half: 90.9 %); two sentences for someone else of its evaluation half moved the guide (« Elle me dit de revenir en
# arrière, toi tu comprends ce qu'elle veut ? », « Ils m'ont envoyé un message, tu peux me le lire ? »), and one of
# its tuning half, all fixed after it (test_found_by_the_hundred_and_eighth_run); every resume in a pause resumed in
# place. The hundred and ninth's, run once with the matcher of the end of the hundred and eighth round, gave 86.0 %
# (49/57; its tuning half: 90.8 %); three sentences for someone else of its evaluation half moved the guide (« Tiens,
# Ameli m'a écrit, tu peux me lire le message ? », « Ouais, je leur écris pour la carte Vitale, là, t'inquiète, je te
# dis la suite après. », « Résilier, résilier… faudrait déjà avoir réussi à l'ouvrir, ce compte. »), and two of its
# tuning half; all but one of the tuning half fixed after it (test_found_by_the_hundred_and_ninth_run); every resume
# in a pause resumed in place. The hundred and tenth's, run once with the matcher of the end of the hundred and ninth
# round, gave 87.7 % (50/57; its tuning half: 93.3 %); two sentences for someone else of its evaluation half moved the
# guide (« Quatre renseignements, ils veulent tout savoir, ceux-là. », « Lis-moi la ligne suivante, j'ai pas bien
# vu. »), and two of its tuning half, all fixed after it (test_found_by_the_hundred_and_tenth_run); every resume in a
# pause resumed in place. The hundred and eleventh's, run once with the matcher of the end of the hundred and tenth
# round, gave 85.7 % (48/56; its tuning half: 86.1 %); no sentence for someone else of its evaluation half moved the
# guide; three of its tuning half did, one fixed after it (test_found_by_the_hundred_and_eleventh_run), two arguable
# and named (KNOWN_MOVES); every resume in a pause resumed in place. The hundred and twelfth's, run once with the
# matcher of the end of the hundred and eleventh round, gave 86.4 % (51/59; its tuning half: 92.3 %); one sentence for
# someone else of its evaluation half moved the guide (« Il me dit d'appuyer sur Suivant, je le vois pas ce bouton, tu
# peux regarder ? »), and one of its tuning half, both fixed after it (test_found_by_the_hundred_and_twelfth_run);
# every resume in a pause resumed in place. The hundred and thirteenth's, run once with the matcher of the end of the
# hundred and twelfth round, gave 89.7 % (61/68; its tuning half: 85.0 %); one sentence for someone else of its
# evaluation half moved the guide (« Ça va, tu me rappelles demain, là je suis dans mes paiements. »), none of its
# tuning half, fixed after it (test_found_by_the_hundred_and_thirteenth_run); every resume in a pause of its
# evaluation half resumed in place, two of three of its tuning half (the third was asked first). The hundred and
# fourteenth's, run once with the matcher of the end of the hundred and thirteenth round, gave 88.9 % (48/54; its
# tuning half: 94.6 %); two sentences for someone else of its evaluation half moved the guide (« Je t'ai dit de pas
# toucher, tu vas me faire passer à l'étape suivante. », « C'est bon, tu peux y aller, je vais me débrouiller toute
# seule pour la suite. »), and one of its tuning half, all fixed after it
# (test_found_by_the_hundred_and_fourteenth_run); every resume in a pause resumed in place. The hundred and
# fifteenth's, run once with the matcher of the end of the hundred and fourteenth round, gave 80.6 % (58/72; its
# tuning half: 88.4 %); four sentences for someone else of its evaluation half moved the guide (« Il faut que je
# clique sur Suivant ou quoi, d'après toi ? », « Par e-mail ça arrive tout de suite, qu'il dit. On essaie ? », « Tu
# vois, fallait juste continuer, j'ai réussi. », « Ils demandent un code de confirmation, c'est normal, ça ? »), and
# three of its tuning half; all but two fixed after it (test_found_by_the_hundred_and_fifteenth_run), the two arguable
# and named (KNOWN_HELD_OUT_MOVES, KNOWN_MOVES); three resumes of four in a pause of its evaluation half resumed in
# place (the fourth was asked first), all of its tuning half. The hundred and sixteenth's, run once with the matcher
# of the end of the hundred and fifteenth round, gave 91.8 % (67/73; its tuning half: 87.5 %); none of its evaluation
# half moved the guide; five sentences of its tuning half did, three fixed after it
# (test_found_by_the_hundred_and_sixteenth_run), two left with their reasons (KNOWN_MOVES), and a sixth asked to leave
# (first confirmed); every resume in a pause moved nothing, but « C'était le facteur. Bon, où on en était ?
# Continue. » of its evaluation half was not understood until the fix. The hundred and seventeenth's, run once with
# the matcher of the end of the hundred and sixteenth round, gave 91.7 % (55/60; its tuning half: 100.0 %); none of
# its evaluation half moved the guide; one sentence of its tuning half did, fixed after it
# (test_found_by_the_hundred_and_seventeenth_run); every resume in a pause resumed in place. The hundred and
# eighteenth's, run once with the matcher of the end of the hundred and seventeenth round, gave 85.2 % (69/81; its
# tuning half: 83.6 %); two sentences for someone else of its evaluation half moved the guide (« Il faut cliquer sur
# Suivant, c'est ça ? Montre-moi. », « Elle marche plus depuis que je l'ai mise à la machine, cette carte. »), none of
# its tuning half; both fixed after it (test_found_by_the_hundred_and_eighteenth_run); every resume in a pause resumed
# in place. The hundred and nineteenth's, run once with the matcher of the end of the hundred and eighteenth round,
# gave 85.5 % (47/55; its tuning half: 91.2 %); one sentence for someone else of its evaluation half moved the guide
# (« Oui, c'est bon, tu peux raccrocher, je continue toute seule. »), and one of its tuning half (« Six chiffres, rien
# que ça, on s'en souviendra jamais. »); both fixed after it (test_found_by_the_hundred_and_nineteenth_run); every
# resume in a pause resumed in place. The hundred and twentieth's, run once with the matcher of the end of the hundred
# and nineteenth round, gave 90.6 % (58/64; its tuning half: 89.8 %); no sentence for someone else moved the guide on
# either half, but one of its evaluation half was acted on at the step being read (« Je vais leur écrire un message,
# tu me corriges les fautes ? ») and a command of its tuning half went on (« Allez-y plus tranquillement, svp. »),
# both fixed after it (test_found_by_the_hundred_and_twentieth_run); every resume in a pause resumed in place. The
# hundred and twenty-first's, run once with the matcher of the end of the hundred and twentieth round, gave 93.5 %
# (58/62; its tuning half: 95.5 %); one sentence for someone else of its evaluation half moved the guide (« Zut, j'ai
# plus de timbres… ah non, c'est eux qui envoient. »), and one of its tuning half (« Bon, on envoie ? T'es d'accord,
# c'est bien écrit ? »); both fixed after it (test_found_by_the_hundred_and_twenty_first_run); every resume in a pause
# resumed in place. The hundred and twenty-second's, run once with the matcher of the end of the hundred and
# twenty-first round, gave 88.9 % (56/63; its tuning half: 89.9 %); none of its evaluation half moved the guide; two
# sentences of its tuning half did, of two kinds named before (« Depuis que j'ai déménagé, je mélange toujours les
# deux codes postaux. », « Ah ben enfin, j'y suis arrivé tout seul. »), both fixed after it with the earlier ones of
# their kinds (test_found_by_the_hundred_and_twenty_second_run); every resume in a pause resumed in place. The hundred
# and twenty-third's, run once with the matcher of the end of the hundred and twenty-second round, gave 89.8 % (53/59;
# its tuning half: 88.1 %); one sentence for someone else of its evaluation half moved the guide (« Déconnectée, je le
# suis toujours un peu, de toute façon. », arguable and named: KNOWN_HELD_OUT_MOVES), and one of its tuning half (« Oh
# ben ça alors, j'y suis arrivée ! »), fixed after it (test_found_by_the_hundred_and_twenty_third_run); every resume
# in a pause resumed in place. The hundred and twenty-fourth's, run once with the matcher of the end of the hundred
# and twenty-third round, gave 87.0 % (60/69; its tuning half: 92.9 %); four sentences for someone else of its
# evaluation half moved the guide (« Il faut appuyer sur le bouton Suivant, tu me montres où il est ? », « Le
# courrier, ça met huit jours, hein, dis ? », « Allez, on passe à la suite, tu me surveilles que je me trompe pas. »,
# « Tu peux continuer à lire la carte ? Je suis au septième chiffre. »), and one of its tuning half; all fixed after
# it (test_found_by_the_hundred_and_twenty_fourth_run); every resume in a pause resumed in place. The hundred and
# twenty-fifth's, run once with the matcher of the end of the hundred and twenty-fourth round, gave 89.0 % (73/82; its
# tuning half: 85.9 %); no sentence for someone else moved the guide on either half, and every resume in a pause
# resumed in place. The hundred and twenty-sixth's, run once with the matcher of the end of the hundred and
# twenty-fifth round, gave 86.4 % (51/59; its tuning half: 92.8 %); two sentences for someone else of its evaluation
# half moved the guide (« C'est écrit J'accède à mon compte, tu vois bien. », « Tu veux que je recommence pour te
# montrer ? »), and three of its tuning half; all of the first and one of the second fixed after it
# (test_found_by_the_hundred_and_twenty_sixth_run), two arguable and named (KNOWN_MOVES); every resume in a pause
# resumed in place. The hundred and twenty-seventh's, run once with the matcher of the end of the hundred and
# twenty-sixth round, gave 90.6 % (58/64; its tuning half: 88.2 %); no sentence for someone else moved the guide on
# either half; one of its evaluation half was acted on in a pause (« Reprends ton manteau, Nico, il va pleuvoir. »
# resumed), asked since (test_found_by_the_hundred_and_twenty_seventh_run); every resume in a pause resumed in place.
# The hundred and twenty-eighth's, run once with the matcher of the end of the hundred and twenty-seventh round, gave
# 81.3 % (74/91; its tuning half: 84.4 %); no sentence for someone else moved the guide on either half; one of its
# tuning half was acted on (« Mon petit, fais une pause, tu travailles trop, viens boire un jus. » paused the guide),
# asked since (test_found_by_the_hundred_and_twenty_eighth_run); every resume in a pause resumed in place. The hundred
# and twenty-ninth's, run once with the matcher of the end of the hundred and twenty-eighth round, gave 76.6 % (59/77;
# its tuning half: 84.2 %); no sentence for someone else moved the guide on either half; one of its evaluation half was
# acted on (« Chérie, tu peux parler plus fort ? Je t'entends mal d'ici. » turned the voice up, the rules asking and the
# nearest phrasings sure of it: left, noted), and two of its tuning half, asked or left since
# (test_found_by_the_hundred_and_twenty_ninth_run); every resume in a pause resumed in place. The hundred and
# thirtieth's, run once with the matcher of the end of the hundred and twenty-ninth round, gave 76.7 % (69/90; its
# tuning half: 84.7 %); no sentence for someone else moved the guide on either half; two of its evaluation half resumed
# a pause (« Oui docteur, je reprends le traitement demain matin, c'est noté. », « Allez, reprends ta place, Pistache,
# couché dans ton panier. »), asked since (test_found_by_the_hundred_and_thirtieth_run); every resume in a pause resumed
# in place. The hundred and thirty-first's, run once with the matcher of the end of the hundred and thirtieth round,
# gave 84.2 % (80/95; its tuning half: 93.2 %); no sentence for someone else moved the guide on either half; two of its
# evaluation half were acted on (« Suivant ce que dit la météo, il faudra arroser demain. » went on, « Mamama, tu
# reprends un bout de kougelhopf ? » resumed), left neither since (test_found_by_the_hundred_and_thirty_first_run), and
# two of its tuning half (« …, Thomas ? » gave the details, which move nothing; « Chut, le chien, tais-toi » paused);
# every resume in a pause resumed in place. The hundred and thirty-second's, run once with the matcher of the end of the
# hundred and thirty-first round, gave 85.3 % (64/75; its tuning half: 79.8 %); no sentence for someone else moved the
# guide on either half; three of its evaluation half were acted on: « Tiens, le soleil est revenu, ça fait du bien au
# moral. » resumed a pause, no longer since (test_found_by_the_hundred_and_thirty_second_run); « Ma grande, ralentis un
# peu, je note ce que tu dis. » slowed the voice and « Attendez, madame, je vous ouvre, deux secondes ! » paused, left
# (people call the guide « ma grande » and « madame » too); at « Ameli vous demande-t-elle un code ? », « je sors du
# guide c tout » answered yes, noted; every resume in a pause resumed in place. The hundred and thirty-third's, run once
# with the matcher of the end of the hundred and thirty-second round, gave 76.1 % (54/71; its tuning half: 87.7 %); no
# sentence for someone else of its evaluation half was acted on; one of its tuning half moved the guide (« Je me
# souviens, avant, on allait à la caisse avec la feuille de soins et c'était réglé. » went back a step) and one was read
# again, neither since (test_found_by_the_hundred_and_thirty_third_run); every resume in a pause resumed in place. The
# hundred and thirty-fourth's, run once with the matcher of the end of the hundred and thirty-third round, gave 91.7 %
# (77/84; its tuning half: 91.4 %); one sentence for someone else of its evaluation half moved the guide (« Mince, j'ai
# laissé le gaz allumé ? Ah non, c'est bon. » went on), arguable and named (KNOWN_HELD_OUT_MOVES), and one was acted on
# (« Attendez, madame, je suis à vous dans une minute. » paused: the guide too is called « madame »); one of its tuning
# half was acted on (« Parle plus fort, Jeanine, … » turned the voice up), asked since
# (test_found_by_the_hundred_and_thirty_fourth_run); every resume in a pause resumed in place. The hundred and
# thirty-fifth's, run once with the matcher of the end of the hundred and thirty-fourth round, gave 79.3 % (73/92; its
# tuning half: 77.1 %); one sentence for someone else of its evaluation half moved the guide (« Mince, j'ai laissé le
# gaz allumé ? Non, c'est bon, il est éteint. » went on, of the kind the hundred and thirty-fourth's named), and one of
# its tuning half (« Ce site, c'est quand même mieux fait qu'avant. » went on), both fixed after it with the hundred and
# thirty-fourth's (test_found_by_the_hundred_and_thirty_fifth_run); « Ils annoncent une grève des trains jeudi, encore
# une fois. » was read again and « Merci, monsieur, je vais reprendre mes esprits » resumed, left; one resume of its
# tuning half was asked (« ok jsuis la continue » : ?yes); every resume in a pause resumed in place.
# From the hundred and thirty-sixth on, each run is told in docs/understanding.md, its figures kept in
# tests/corpus/runs.yaml.
MEASURED = RUNS_NOW.measured
HELD_OUT = RUNS_NOW.held_out


def _misses(report: Report) -> list[str]:
    return [f"{o.entry.context} « {o.entry.phrase} »: {o.entry.expected} -> {o.got}"
            for o in report.of_kinds(UNDERSTOOD_KINDS) if not o.understood]


# ------------------------------------------------------------------ the corpus

def test_the_corpus_is_large_enough_and_split_in_two() -> None:
    entries = load_corpus()
    assert len(entries) >= 600
    assert len({(e.context, e.phrase) for e in entries}) == len(entries)
    halves = {e.half for e in entries}
    assert halves == {TUNING, EVALUATION}
    tuning = sum(e.half == TUNING for e in entries)
    assert 0.4 < tuning / len(entries) < 0.6
    steps = {s.id for s in RUNNER.guide.steps}
    for e in entries:
        if e.expected.startswith("goto:"):
            assert e.expected[5:] in steps, e


# The batches the matcher has been tuned on, nearly all understood; from the seventh on, the tuning halves,
# tuned on in one round or not at all, have floors of their own (all tuning halves are among the nearest
# phrasings: language/examples.npz). The twenty-seventh's went from 0.96 to 0.94 when the seventy-second's tuning
# half joined the nearest phrasings: « Allez aux paiements, je veux voir ce qu'on m'a versé ce mois-ci. » is asked.
# The eighth's went from 0.92 to 0.91 when the eighty-fifth's did: « on va y passer la nuit accélère » is asked;
# the eighty-fourth's from 0.78 to 0.77 with the eighty-seventh's: « C'est correct, j'ai mis ma date de fête, on
# continue-tu ? » is asked; the ninety-first's from 0.83 to 0.82 with the ninety-sixth's: « Arrête-toi un instant, je
# réfléchis à ce que je vais écrire. Tu reprends quand je te dis. » is asked; the eighty-second's from 0.85 to 0.84
# with the hundred and second's: « Bon ça y est, j'l'ai tapé, ce fameux code. » is asked.
TUNED = ("1", "2", "3", "4", "5", "6")
TUNED_FLOOR = RUNS_NOW.tuned_floor
# Sentences for someone else that still move the guide, each named until it is fixed (the ninth batch's
# « … c'est moi qui éteins l'ordinateur après » was fixed in the tenth round; the twenty-second's three after its run;
# the twenty-sixth's « Continue sans moi, je te rejoins au marché. » after its run; the twenty-ninth's two questions
# to someone, « Tu crois que … , toi ? », « Tu te rappelles si … », after its run; the thirtieth's three after its
# run: test_found_by_the_thirtieth_run; the thirty-third's « Le suivant, c'est toi … » after its run; the
# thirty-fourth's three after its run: test_found_by_the_thirty_fourth_run; the forty-first's « Ils répètent toujours
# les mêmes bêtises aux informations. » after its run: test_found_by_the_forty_first_run; the fiftieth's « Le précédent
# maire, il avait promis la même chose pour la piscine. » after its run: test_found_by_the_fiftieth_run; the
# fifty-seventh's three, a song quoted without quotes, the postman who came by early, « continue » said to someone on
# the phone, in the round after its run: test_found_by_the_fifty_seventh_run). The ninety-third's tuning half had four
# at its run; three were fixed after it (test_found_by_the_ninety_third_run). Left: a subject of the message refused
# (« Résilier, non merci ») beside « je viens de l'ouvrir, ce compte », which names the part « ouvrir un compte »; a
# perfect there (« je l'ai ouvert, ce compte ») is a step done and goes on: a report of a thing done that the step
# does not speak of needs a rule of its own (docs/understanding.md).
# The hundred and third's tuning half had one at its run: « Oh ben ça alors, j'y suis arrivée toute seule ! » at the
# account's home page went on, as the hundred and first's « Ah ben ça alors … » of an evaluation half did
# (KNOWN_HELD_OUT_MOVES): arguable the same way, named rather than taught away. The hundred and fifth's had two; one
# was fixed after it (test_found_by_the_hundred_and_fifth_run), the other is arguable: « Alors, ce code... je me
# souviens l'avoir reçu par la poste, mais après... » at « Avez-vous un code ? » went on to « j'ai mon code » by its
# trailing « mais après » (« et après ? » asks what comes next), and the code was received. The hundred and sixth's
# had two; one was fixed after it (test_found_by_the_hundred_and_sixth_run); left: « Reviens en arrière, t'as marché
# dans la boue ! », said to a child or a dog in the very shape of « reviens en arrière, t'as sauté une étape », said
# to the guide, with one word the guide does not know. The hundred and ninth's had two; one was fixed after it
# (test_found_by_the_hundred_and_ninth_run); left: « Depuis qu'on a déménagé, je confonds toujours les deux codes
# postaux. » at the postal code goes to « mes informations » (a move is where an address is changed): arguable, and
# reading a « depuis que » clause as a time only lost « depuis que j'ai oublié mon code … » when tried (stop 43).
# The hundred and eleventh's had three; one was fixed after it (test_found_by_the_hundred_and_eleventh_run); left, and
# arguable like the hundred and first's and the hundred and third's: « Ah enfin, j'y suis arrivée toute seule ! » at
# the account's home page, and « Ah, voilà le bouton Suivant, enfin. » where the step asks to press that very button
# (found, so the step is done): both go on. The hundred and fifteenth's had three; two were fixed after it
# (test_found_by_the_hundred_and_fifteenth_run); left, the same as the hundred and third's: « Oh ben ça alors, j'y suis
# arrivé tout seul ! » at the account's home page. The hundred and sixteenth's had five; three were fixed after it
# (test_found_by_the_hundred_and_sixteenth_run). Left: « Depuis qu'on a déménagé, je le confonds toujours, le code
# postal. », arguable as the hundred and ninth's; « Attends, il faut appuyer sur suivant, c'est ce qu'il dit. », as
# « c'est ce qu'il dit » also says yes at a question (« oui oui, c'est ce qu'il dit », lost when tried). « Ameli,
# Ameli… c'est avec un i à la fin, je crois. » asks to leave, which the guide confirms first: reading « à la fin » as a
# place lost « vous avez dit quoi à la fin ? reprenez » when tried.
# The hundred and twenty-second's had two, one of each of those two kinds: « Depuis que j'ai déménagé, je mélange
# toujours les deux codes postaux. » and « Ah ben enfin, j'y suis arrivé tout seul. » at the home page. A third time
# was enough to teach them: pride in having done it alone is said to the house, and a part named only inside a «
# depuis que » clause tells since when; the guide asks first (test_found_by_the_hundred_and_twenty_second_run). None
# of the earlier ones of these kinds moves the guide any more, and « depuis que j'ai oublié mon code, … » still goes
# to the forgotten code.
# The hundred and twenty-sixth's had three; one was fixed after it (test_found_by_the_hundred_and_twenty_sixth_run).
# Left, and arguable: « Ouf, ça c'est fait. » at the logging-out step, as the hundred and first's « Ouf, enfin fini.
# »; « Dis-moi, c'est dans mes paiements qu'on voit le remboursement du kiné ? » goes to the payments, which answers
# the question if it was put to the guide.
KNOWN_MOVES: set[str] = {"Attends, il faut appuyer sur suivant, c'est ce qu'il dit.",
                         "Résilier, non merci, je viens juste de l'ouvrir, ce compte.",
                         "Alors, ce code... je me souviens l'avoir reçu par la poste, mais après...",
                         "Reviens en arrière, t'as marché dans la boue !", "Ah, voilà le bouton Suivant, enfin.",
                         "Ouf, ça c'est fait.",
                         "Dis-moi, c'est dans mes paiements qu'on voit le remboursement du kiné ?"}
# Sentences for someone else of an evaluation half that moved the guide at its single run, named until fixed (the
# thirty-fifth's « Tu vois la petite case, là ? T'appuies sur Espace, c'est tout. », the first, fixed after its run:
# that half is no longer unseen for what moves the guide; the thirty-ninth's « Si tu vois passer une lettre de la Sécu,
# tu me la lis, d'accord ? », the second, fixed after its run by rules of its kind; the forty-third's « Si ça continue
# comme ça, je vais résilier mon abonnement au journal. », the third, fixed after its run the same way; the
# forty-ninth's « Allô ? Oui, c'est moi. Non, je suis en train de faire mes papiers sur internet. », the fourth, the same;
# the fifty-second's « Les facteurs, ils passent plus qu'un jour sur deux, maintenant, c'est malheureux. », the fifth,
# the same; the fifty-fifth's « Thomas, c'est quelle touche pour revenir en arrière sur l'ordinateur ? », the sixth,
# the same; the sixty-first's « Dire qu'avant, la Sécu, on y allait à pied avec sa feuille de soins. », the seventh,
# the same). The hundred and first's evaluation half had five at its run; three were fixed after it
# (test_found_by_the_hundred_and_first_run). Left, and arguable: two exclamations said for oneself that report the
# step done (« j'y suis arrivée » at the account's home page, « enfin fini » at logging out), where going on is what
# most people would want; written as off-topic by their helper, named here rather than taught away. The hundred and
# fourth's had one: « Un code, un code... j'avais noté ça quelque part, moi. » at « Avez-vous un code ? » went on to
# « j'ai mon code », as « Oui, je l'ai quelque part. » of the twenty-ninth answers yes; a first rule that took
# « quelque part » for a doubt asked about seven such answers (the flip of the whole corpus) and was dropped. The
# hundred and fifteenth's had four; three were fixed after it (test_found_by_the_hundred_and_fifteenth_run). Left, and
# arguable: « Ils demandent un code de confirmation, c'est normal, ça ? » at « Ameli vous demande-t-elle un code de
# confirmation ? » goes to the e-mail code: it answers the step's question, and the step that follows says why.
# The hundred and first's « Ah ben ça alors, j'y suis arrivée toute seule ! » no longer moves the guide since the
# hundred and twenty-second round (pride said to the house: asked first). The hundred and twenty-third's had one, left
# and arguable: « Déconnectée, je le suis toujours un peu, de toute façon. » at the logging-out step says, in jest,
# the very word of the step done; the rules ask (its « je le suis » reads as « suivre »), the nearest phrasings go on.
# The hundred and twenty-sixth's had two, both fixed after it (test_found_by_the_hundred_and_twenty_sixth_run).
# The hundred and thirty-fourth's had one, named at its run: « Mince, j'ai laissé le gaz allumé ? Ah non, c'est bon. »
# went on from the step; the hundred and thirty-fifth's had one of the same kind, and both were fixed after it
# (test_found_by_the_hundred_and_thirty_fifth_run).
KNOWN_HELD_OUT_MOVES: set[str] = {"Ouf, enfin fini.", "Un code, un code... j'avais noté ça quelque part, moi.",
                                  "Ils demandent un code de confirmation, c'est normal, ça ?",
                                  "Déconnectée, je le suis toujours un peu, de toute façon."}


def test_tuning_half(tuning: Report) -> None:
    # Nearly all: what is left is listed in docs/understanding.md with the reason.
    tuned = tuning.of_batches(*TUNED)
    assert tuned.understood_share() >= 0.95, "\n".join(_misses(tuned))
    assert not tuned.off_topic_moves()
    assert not tuned.resumes_missed()


@pytest.mark.parametrize("batch", sorted(TUNED_FLOOR))
def test_tuning_half_of_the_last_round_keeps_what_was_measured(tuning: Report, batch: str) -> None:
    report = tuning.of_batches(batch)
    assert report.understood_share() >= TUNED_FLOOR[batch], "\n".join(_misses(report))
    assert {o.entry.phrase for o in report.off_topic_moves()} <= KNOWN_MOVES
    assert not report.resumes_missed()


@pytest.mark.parametrize("batch", sorted(MEASURED))
def test_evaluation_half_keeps_what_was_measured(evaluation: Report, batch: str) -> None:
    report = evaluation.of_batches(batch)
    assert report.understood_share() >= MEASURED[batch], "\n".join(_misses(report))


def test_no_sentence_for_someone_else_moves_the_guide_on_a_tuning_half(tuning: Report) -> None:
    assert sorted(o.entry.phrase for o in tuning.off_topic_moves()) == sorted(KNOWN_MOVES)


def _held_out_reason() -> str:
    run, before = RUNS_NOW.runs.get(HELD_OUT, {}), RUNS_NOW.runs.get(str(int(HELD_OUT) - 1), {})
    figures = (f"{run['evaluation']}, {_share(run['evaluation'])}, its tuning half {_share(run['tuning'])}"
               if run else f"{MEASURED[HELD_OUT]:.0%}")
    earlier = f"; the batch before: {_share(before['evaluation'])} and {_share(before['tuning'])}" if before else ""
    return (f"issue 11 asks 95 %; batch {HELD_OUT}'s evaluation half, held out, gave {figures} at its single run, with "
            f"the matcher of the end of the round before{earlier}: docs/understanding.md lists every miss")


def _share(counts: str) -> str:
    understood, meant = (int(n) for n in counts.split("/"))
    return f"{100 * understood / meant:.1f} %"


@pytest.mark.xfail(MEASURED[HELD_OUT] < 0.95, strict=True,   # expected to fail while the half gave under 95 %
                   reason=_held_out_reason())
def test_evaluation_half_meets_the_issue(held_out: Report) -> None:
    """The issue counts the half's single run (MEASURED); the misses fixed after it may lift today's share above
    95 % (the hundred and twenty-first's: 93.5 % at its run, 95.2 % after), which no longer says anything of
    phrasings never seen: both must reach it."""
    assert MEASURED[HELD_OUT] >= 0.95, f"at its single run: {MEASURED[HELD_OUT]:.2f}"
    assert held_out.understood_share() >= 0.95, "\n".join(_misses(held_out))


def test_evaluation_half_no_sentence_for_someone_else_moves_or_ends_the_guide(evaluation: Report) -> None:
    moved = evaluation.off_topic_moves()
    assert sorted(o.entry.phrase for o in moved) == sorted(KNOWN_HELD_OUT_MOVES), [(o.entry.phrase, o.got) for o in moved]
    assert evaluation.of_kinds(OFF_KINDS)


def test_evaluation_half_every_continue_in_pause_resumes_in_place(evaluation: Report, held_out: Report) -> None:
    missed = evaluation.resumes_missed()
    assert not missed, [(o.entry.phrase, o.got) for o in missed]
    # the held-out half has its own: 7/8 when it was run, « Pardon de vous avoir fait attendre, allez-y. » asked
    # (?resume|repeat), the first resume missed on an evaluation half at its run, fixed after it by a rule of its kind
    # (test_found_by_the_fifty_eighth_run): that half is no longer unseen for what resumes; the ninety-fourth's, 4/5 at
    # its run, « Bon, on recommence où on s'était arrêtés. » asked (?restart), fixed after it
    # (test_found_by_the_ninety_fourth_run). The hash gave all seven resumes of the hundred and twenty-ninth batch to
    # its tuning half (7/7 at its run): its evaluation half, held out, has none to show, named here
    assert held_out.of_kinds(("reprise",)) or HELD_OUT in {"129"}


# ------------------------------------------------------------------ what the corpus stands for

def options(context: str) -> Options:
    return RUNNER.dialog.options(RUNNER.state(context))


def meant(text: str, context: str = "step:saisir-code") -> str:
    found = MATCHER.interpret(text, options(context))
    if isinstance(found, Intent):
        return found.name if found.name != "goto" else f"goto:{found.target}"
    if isinstance(found, Unsure):
        return "?" + "|".join(c.name if c.name != "goto" else f"goto:{c.target}" for c in found.candidates)
    return "none"


@pytest.mark.parametrize("text", ["continue", "continue la lecture", "c'est bon", "vas-y", "on continue"])
def test_in_pause_continue_resumes_where_it_stopped(text: str) -> None:
    assert meant(text, "pause:saisir-code") == "resume"
    state = RUNNER.state("pause:saisir-code")
    after, _ = RUNNER.dialog.handle(state, MATCHER.interpret(text, options("pause:saisir-code")))
    assert (after.mode, after.step) == (Mode.STEP, "saisir-code")


def test_out_of_a_pause_continue_still_goes_on() -> None:
    assert meant("continue") == "next"
    assert meant("suivant", "pause:saisir-code") == "next"      # the step's name for going on, said on purpose


@pytest.mark.parametrize("text, expected", [
    ("annule", "no"), ("laisse tomber", "no"), ("je ne pense pas", "no"), ("certainement pas", "no"),
    ("nan", "no"), ("ça marche", "yes"), ("évidemment", "yes"), ("c'est bon", "yes"),
])
def test_answers_at_a_question(text: str, expected: str) -> None:
    assert meant(text, "oui-non") == expected


@pytest.mark.parametrize("text, expected", [
    ("je n'ai jamais eu de code", "goto:pas-de-code-lien"),      # a negation inside is no « non »
    ("j'ai jamais eu de code", "goto:pas-de-code-lien"),
    ("je ne me souviens plus de mon code", "goto:oubli-lien"),
    ("j'ai perdu mon code", "goto:oubli-lien"),
    ("je l'ai oublié, le code", "goto:oubli-lien"),
    ("c'est bon", "next"), ("ça y est", "next"), ("c'est fait", "next"),
    ("je ne trouve pas le bouton", "details"), ("je trouve pas le champ", "details"),
    ("plus faible", "softer"), ("pas assez fort", "louder"), ("trop lent", "faster"),
    ("à bientôt", "quit"), ("je dois y aller", "quit"),
])
def test_meaning_beyond_the_listed_phrases(text: str, expected: str) -> None:
    assert meant(text) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("trois", "menu", "goto:ecran-connexion"),
    ("le deuxième", "menu", "goto:premiere-connexion"),
    ("numéro onze", "menu", "goto:mes-informations"),
    ("la dernière", "menu", "goto:deconnexion"),
    ("le premier", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("deux", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("le onzième", "step:objet-message", "goto:objet-service-social"),
    ("trois", "step:oubli-choix-envoi", "none"),                 # there are only two
    ("trois", "step:saisir-code", "none"),                        # nothing to choose here
])
def test_numbers_said_as_words_choose(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text", [
    "fermer les rideaux de la cuisine", "quelle heure est-il", "Marie tu peux venir m'aider",
    "passe-moi le sel", "continue de pleuvoir on dirait", "j'ai perdu mes lunettes",
])
def test_sentences_for_someone_else_never_move_or_end_the_guide(text: str) -> None:
    state = RUNNER.state("step:saisir-code")
    found = MATCHER.interpret(text, options("step:saisir-code"))
    after, reply = RUNNER.dialog.handle(state, found)
    assert not isinstance(found, Intent), found
    assert after.step == state.step and after.mode != Mode.ENDED and not reply.done


def test_torn_between_two_meanings_the_guide_asks() -> None:
    found = MATCHER.interpret("suivant précédent", options("step:saisir-code"))
    assert isinstance(found, Unsure) and [c.name for c in found.candidates] == ["next", "previous"]
    assert MATCHER.match("suivant précédent", options("step:saisir-code")) is None


def test_a_meaning_or_nothing_the_guide_asks() -> None:
    """(« passe-moi le sel » was the example until the seventy-second run: handed to the speaker, it is nothing now.)"""
    found = MATCHER.interpret("passe le sel", options("step:saisir-code"))
    assert isinstance(found, Unsure) and [c.name for c in found.candidates] == ["next"]


def test_a_huge_line_is_refused_without_being_read() -> None:
    line = "suivant " * 200_000   # 1.6 MB
    found = MATCHER.interpret(line, options("step:saisir-code"))
    assert isinstance(found, NoMatch)
    assert len(found.heard) <= MAX_CHARS + 1       # the events log gets a short excerpt
    assert MATCHER.analyzer.analyse.cache_info().currsize < 10_000


def test_grammar_phrases_are_known_without_searching_again() -> None:
    for context in ("step:saisir-code", "step:oubli-choix-envoi", "menu", "oui-non", "pause:saisir-code"):
        here = options(context)
        known = 0
        for phrase in MATCHER.grammar(here):
            identity = MATCHER.identity(phrase, here)
            if identity is None:
                continue
            known += 1
            searched = MATCHER.interpret(phrase, here)
            assert isinstance(searched, Intent), (context, phrase, searched)
            assert (identity.name, identity.target) == (searched.name, searched.target), (context, phrase)
        assert known > 200
    # The identity is used: an utterance marked as that phrase is not analysed.
    intent = MATCHER.interpret("anything at all", options("pause:saisir-code"), phrase="continue")
    assert isinstance(intent, Intent) and intent.name == "resume" and intent.heard == "anything at all"


def test_unsure_in_the_dialog_asks_and_yes_does_it() -> None:
    state = RUNNER.state("step:saisir-code")
    found = MATCHER.interpret("passe le sel", options("step:saisir-code"))
    asked, reply = RUNNER.dialog.handle(state, found)
    assert asked.mode == Mode.CONFIRM and asked.step == state.step
    assert "Voulez-vous dire « suivant » ?" in " ".join(reply.say)
    assert reply.events[0]["event"] == "confirm" and reply.events[0]["unsure"] is True
    done, _ = RUNNER.dialog.handle(asked, MATCHER.interpret("oui", RUNNER.dialog.options(asked)))
    assert done.step == RUNNER.guide.step("saisir-code").next
    kept, reply = RUNNER.dialog.handle(asked, MATCHER.interpret("non", RUNNER.dialog.options(asked)))
    assert (kept.mode, kept.step) == (Mode.STEP, "saisir-code")


def test_unsure_between_two_the_person_says_which() -> None:
    state = RUNNER.state("step:saisir-code")
    asked, reply = RUNNER.dialog.handle(state, MATCHER.interpret("suivant précédent", options("step:saisir-code")))
    assert "Voulez-vous dire « suivant » ou « précédent » ?" in " ".join(reply.say)
    which, reply = RUNNER.dialog.handle(asked, MATCHER.interpret("oui", RUNNER.dialog.options(asked)))
    assert which.mode == Mode.CONFIRM and "Lequel" in " ".join(reply.say)
    went, _ = RUNNER.dialog.handle(which, MATCHER.interpret("suivant", RUNNER.dialog.options(which)))
    assert went.step == RUNNER.guide.step("saisir-code").next


def test_unsure_about_a_part_names_it_and_its_name_answers() -> None:
    state = State(step="saisir-code")
    found = MATCHER.interpret("paiements", options("step:saisir-code"))
    assert isinstance(found, Unsure) and found.candidates[0].target == "mes-paiements"
    asked, reply = RUNNER.dialog.handle(state, found)
    assert "« mes paiements »" in " ".join(reply.say)
    went, _ = RUNNER.dialog.handle(asked, MATCHER.interpret("mes paiements", RUNNER.dialog.options(asked)))
    assert went.step == "mes-paiements"


def test_unsure_while_paused_leaves_the_pause_to_ask() -> None:
    paused = RUNNER.state("pause:saisir-code")
    asked, _ = RUNNER.dialog.handle(paused, Unsure((Intent("next", 0.5, label="suivant"),), "passe"))
    assert asked.mode == Mode.CONFIRM and asked.back_mode == Mode.STEP


def test_unsure_at_a_question_asks_the_question_again() -> None:
    question = RUNNER.state("oui-non")
    again, reply = RUNNER.dialog.handle(question, Unsure((Intent("next", 0.5, label="suivant"),), "passe"))
    assert again.mode == Mode.CONFIRM and again.pending == question.pending
    assert reply.events[0]["event"] == "nomatch"


def test_unsure_about_leaving_asks_the_usual_question() -> None:
    state = RUNNER.state("step:saisir-code")
    asked, reply = RUNNER.dialog.handle(state, Unsure((Intent("quit", 0.5, label="quitter"),), "bof"))
    assert asked.mode == Mode.CONFIRM and asked.pending.name == "quit" and "quitter" in " ".join(reply.say)


# ------------------------------------------------------------------ second round (general causes)

@pytest.mark.parametrize("text, context, expected", [
    ("quelles sont les parties du guide", "step:saisir-code", "menu"),   # « parties » without a number
    ("quelle est cette étape", "step:saisir-code", "where"),     # covers what « quoi » covers, and more
    ("je ne sais plus où on en est", "step:saisir-code", "where"),  # « je ne sais pas où »: a question
    ("je sais pas quoi dire", "step:saisir-code", "help"),
    ("je ne vois pas le champ", "step:saisir-code", "details"),  # not seeing it is not finding it
    ("ferme le programme", "step:saisir-code", "quit"),          # the guide by another name
])
def test_general_causes(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, asked", [
    ("je n'ai pas oublié mon code", "step:avez-vous-un-code", "?goto:oubli-lien"),
])
def test_a_choice_or_part_named_with_a_negation_is_asked_not_taken(text: str, context: str, asked: str) -> None:
    """« je n'ai pas oublié mon code » among three choices may mean either other one: the guide asks."""
    assert meant(text, context) == asked


@pytest.mark.parametrize("text, context, expected", [
    ("pas par e-mail", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("je n'ai pas d'email", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("je veux pas de courrier", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("Ameli ne demande pas de code", "step:code-confirmation", "goto:page-accueil"),
])
def test_one_of_two_choices_refused_is_the_other(text: str, context: str, expected: str) -> None:
    """Between by e-mail and by letter, « pas par e-mail » is by letter."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("ça me demande un code", "step:code-confirmation", "goto:confirmation-boite-mail"),  # Ameli goes unsaid
    ("non ça a marché", "step:code-confirmation", "goto:page-accueil"),
    ("non attends reviens", "step:saisir-code", "previous"),              # « non », « attends » announce it
    ("attendez revenez en arrière", "step:saisir-code", "previous"),
    ("t'es allé trop loin reviens", "step:saisir-code", "previous"),      # a reason with a subject of its own
    ("t es allé trop loin reviens", "step:saisir-code", "previous"),      # typed without its apostrophe
    ("attends je cherche mes lunettes", "step:saisir-code", "pause"),
    ("revenez à ce que vous disiez avant", "step:saisir-code", "previous"),   # « disiez »: the imperfect of dire
    ("où est-ce que je tape", "step:saisir-code", "details"),           # where on the page, not in the guide
    ("la liste des étapes", "step:saisir-code", "menu"),
    ("quelles sont les étapes", "step:saisir-code", "menu"),
    ("le code ne me revient pas", "step:saisir-code", "goto:oubli-lien"),
    ("je ne sais pas me servir de ça", "step:saisir-code", "help"),
    ("le message n'est pas venu", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("passe à autre chose", "step:saisir-code", "next"),
])
def test_general_causes_of_the_fifth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context", [
    ("comment on a un code", "step:saisir-code"),   # « comment » asks again only when nothing else is said
    ("ça y est il pleut", "step:saisir-code"),       # a report beside talk: no reason given for a move
    ("il pleut encore", "step:saisir-code"),         # « encore » is itself said beside: no reason for it
    ("vas-y toi je te suis", "step:saisir-code"),
])
def test_not_taken_in_the_fifth_round(text: str, context: str) -> None:
    assert meant(text, context) == "none" or meant(text, context).startswith("?")


@pytest.mark.parametrize("text, context, expected", [
    ("plus vite euh non plus lentement", "step:objet-message", "slower"),          # corrected: what follows
    ("euh le septième non pardon le huitième", "step:objet-message", "goto:objet-paternite"),
    ("suivant non précédent", "step:saisir-code", "previous"),
    ("la deuxième catégorie", "step:les-categories", "goto:mes-demarches"),         # an ordinal and the choices' noun
    ("le quatrième de la liste", "step:objet-message", "goto:objet-droits-demarches"),
    ("je veux un code", "step:saisir-code", "goto:pas-de-code-lien"),              # wanting a thing is asking for it
    ("il me faut un code", "step:saisir-code", "goto:pas-de-code-lien"),
    ("ameli veut un code", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("je voudrais passer à l'étape suivante", "step:saisir-code", "next"),         # before a verb: still a wrapper
    ("oui un code de six chiffres", "step:code-confirmation", "yes"),              # the question echoed
    ("non c'est bon je suis dedans", "step:code-confirmation", "goto:page-accueil"),
    ("ça m'a mis directement sur mon compte", "step:code-confirmation", "goto:page-accueil"),   # not a yes: the choice
    ("je suis rentré sur mon espace", "step:code-confirmation", "goto:page-accueil"),
    ("je me rappelle plus de mon mot de passe", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("je vois pas où c'est", "step:saisir-code", "details"),
    ("c'est où", "step:saisir-code", "details"),
    ("on est où", "step:saisir-code", "where"),
    ("plus fort la machine à laver fait du bruit", "step:deconnexion", "louder"),  # a setting first, its reason after
    ("stop j'arrête tout", "step:saisir-code", "quit"),                            # a command is never only a reason
    ("répète l'adresse du site", "step:ouvrir-ameli", "repeat"),
    ("ok j'ai cliqué sur valider", "step:valider-connexion", "next"),
    ("ok j'ai fini mon café on peut reprendre", "pause:page-accueil", "resume"),
    ("c'est bon j'ai raccroché tu peux continuer", "pause:deconnexion", "resume"),
])
def test_general_causes_of_the_fifth_round_continued(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context", [
    ("chéri c'est quoi notre adresse mail déjà", "step:oubli-choix-envoi"),   # said to someone of the house
    ("papa tu peux venir", "step:saisir-code"),
    ("le troisième étage", "step:objet-message"),            # an ordinal and a word the guide does not use
    ("je voudrais un café", "step:saisir-code"),
    # found by the fifth batch's evaluation half, run once: each moved the guide then
    ("où est-ce que j'ai mis ma carte vitale", "step:saisir-numero"),   # a question, not a report
    ("entrez c'est ouvert", "step:saisir-code"),                         # an order to someone, not a report
    ("va chercher le courrier dans la boîte aux lettres s'il te plaît", "step:oubli-choix-envoi"),  # an errand
])
def test_talk_for_someone_else_in_the_fifth_round_never_moves_the_guide(text: str, context: str) -> None:
    found = meant(text, context)
    assert found == "none" or found.startswith("?")
    state = RUNNER.state(context)
    after, reply = RUNNER.dialog.handle(state, MATCHER.interpret(text, options(context)))
    assert after.step == state.step and after.mode != Mode.ENDED and not reply.done


def test_le_conge_du_papa_is_no_one_spoken_to() -> None:
    assert meant("le congé du papa", "step:objet-message") == "goto:objet-paternite"


@pytest.mark.parametrize("text, context, expected", [
    ("je n'ai pas de code", "step:avez-vous-un-code", "goto:pas-de-code-lien"),   # the negation is its name
    ("par courrier", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("non je ne veux pas continuer", "oui-non", "no"),
])
def test_a_negation_that_is_the_choice_itself_still_picks_it(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text", [
    "continue tes devoirs",     # « devoirs » is a noun, not the wrapper verb « devoir »
    "la voix",                  # the voice or the speed named alone is no setting
    "j'aime bien ta voix",
    "la vitesse",
])
def test_not_acted_on(text: str) -> None:
    assert not isinstance(MATCHER.interpret(text, options("step:saisir-code")), Intent)


@pytest.mark.parametrize("text, expected", [
    ("tu ne parles pas assez fort", "louder"),   # the « pas » of « pas assez » closes the « ne »: no refusal
    ("ne parle pas si vite", "slower"),          # « pas si » is a degree
    ("pas si fort", "softer"),
    ("je n'entends pas assez fort", "louder"),
    ("ne crie pas", "softer"),                   # a complaint asks the same, negated or not
    ("tu traînes", "faster"),
    ("lentement s'il vous plaît", "slower"),     # a setting word alone is a wish
    ("prends ton temps pour parler", "slower"),  # an expression that names a setting
    ("ça me casse les oreilles", "softer"),
    ("doucement", "?slower|softer"),             # both: the guide asks
    ("baissez un peu la voix", "softer"),        # the voice or the speed named after a degree word
    ("monte la voix", "louder"),
    ("augmente la vitesse", "faster"),
    ("baisse la vitesse", "slower"),
    ("ta voix est trop forte", "softer"),
])
def test_voice_settings_said_otherwise(text: str, expected: str) -> None:
    assert meant(text) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("allons-y", "step:saisir-code", "next"),              # neither paused nor asked: going on
    ("je suis prête pour la suite", "step:saisir-code", "next"),
    ("allons-y", "pause:saisir-code", "resume"),
    ("allons-y", "oui-non", "yes"),
    ("entendu", "oui-non", "yes"),
    ("je veux rester", "oui-non", "no"),                   # at « Voulez-vous vraiment quitter ? »
    ("non merci je reste", "oui-non", "no"),
    ("je préfère pas", "oui-non", "no"),
])
def test_context_decides(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_following_someone_is_not_going_on() -> None:
    assert not isinstance(MATCHER.interpret("vas-y toi je te suis", options("step:saisir-code")), Intent)


@pytest.mark.parametrize("text, expected", [
    ("oui mais je l'ai oublié", "goto:oubli-lien"),   # the choice said beside the answer wins
    ("oui j'ai un code", "goto:saisir-numero"),
    ("non", "no"),
])
def test_at_a_question_with_choices_the_choice_said_counts(text: str, expected: str) -> None:
    assert meant(text, "step:avez-vous-un-code") == expected


@pytest.mark.parametrize("text, context, expected", [
    ("voilà qui est fait", "step:saisir-code", "next"),       # « fait », done: no « savoir faire » (help)
    ("termine le guide", "step:saisir-code", "quit"),         # without its accent, the verb
    ("c'est terminé", "step:saisir-code", "next"),
    ("j'ai mis mon code", "step:saisir-code", "next"),        # « mettre » in the past: done
    ("mets plus fort", "step:saisir-code", "louder"),         # and still a wrapper otherwise
    # « non » outweighs « connecté »: the choice it leads to, where « non » goes (it was « no » until stop 44)
    ("non ça m'a connecté directement", "step:code-confirmation", "goto:page-accueil"),
    ("non c'est bon", "oui-non", "no"),
])
def test_done_said_otherwise(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("je reviens tout de suite", "step:saisir-code", "pause"),      # « je reviens »: I will be back
    ("je reviens à l'étape précédente", "step:saisir-code", "previous"),
    ("je reviens au début", "step:saisir-code", "restart"),
    ("on repart", "step:saisir-code", "next"),
    ("on repart", "pause:saisir-code", "resume"),
    ("reprenez où vous en étiez", "pause:saisir-code", "resume"),   # « où vous en étiez » says where
    ("continue là où tu t'étais arrêté", "pause:saisir-code", "resume"),
    ("je ne sais plus où j'en étais", "step:saisir-code", "where"),
    ("à quel endroit du guide je suis", "step:saisir-code", "where"),
    ("on est rendu où", "step:saisir-code", "where"),              # « rendu »: regional, « arrivé »
    ("quels mots je peux dire", "step:saisir-code", "help"),
    ("explique-moi mieux", "step:saisir-code", "details"),
    ("donne-moi plus d'infos", "step:saisir-code", "details"),     # not « mes informations »
    ("j'ai loupé ce que tu as dit", "step:saisir-code", "repeat"),
    ("à tantôt", "step:saisir-code", "quit"),
    ("c'est fini pour moi", "step:saisir-code", "quit"),           # « pour moi », « pour aujourd'hui »: leaving
    ("remets comme au début", "step:saisir-code", "normal"),
    ("on refait tout depuis le départ", "step:saisir-code", "restart"),
    ("trouver un docteur", "step:saisir-code", "goto:borne-medecin"),
    ("la connexion", "menu", "goto:ecran-connexion"),
    ("une maladie due à mon travail", "step:objet-message", "goto:objet-accident-travail"),
    ("le remboursement de mes lunettes", "step:objet-message", "goto:objet-remboursement"),
    ("une question sur mes droits", "step:objet-message", "goto:objet-droits-demarches"),
    ("plutôt par mail", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("par e-mail c'est plus simple", "step:oubli-choix-envoi", "goto:oubli-email"),
])
def test_words_the_lexicon_now_knows(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("créer mon compte ameli", "step:saisir-code", "goto:pas-de-code-lien"),   # the guide's parts, enriched
    ("je n'ai pas encore de compte", "step:saisir-code", "goto:pas-de-code-lien"),
    ("recevoir un nouveau code", "step:saisir-code", "goto:oubli-lien"),
    ("écrire à la sécu", "menu", "goto:ecrire-message"),
    ("l'accueil", "menu", "goto:page-accueil"),
    ("je veux une lettre", "step:oubli-choix-envoi", "goto:oubli-courrier"),   # and its choices
    ("je préfère le papier", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("par internet", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("je suis enceinte", "step:objet-message", "goto:objet-maternite"),
    ("je veux fermer mon compte", "step:objet-message", "goto:objet-resilier"),   # not leaving the guide
    ("c'est pour mon arrêt de travail", "step:objet-message", "goto:objet-indemnites"),
    ("on me demande un code de confirmation", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("le mail n'est pas arrivé", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("aucun", "step:avez-vous-un-code", "no"),
    ("recommence la phrase", "step:saisir-code", "repeat"),       # the sentence, not the guide
    ("recommence le guide", "step:saisir-code", "restart"),
])
def test_the_guide_and_the_vocabulary_give_common_words(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_the_grammar_holds_expressions_that_can_be_acted_on() -> None:
    here = options("step:saisir-code")
    phrases = MATCHER.grammar(here)
    assert "à bientôt" in phrases and "ça y est" in phrases
    assert "plus tard" not in phrases and "vous suis" not in phrases      # nothing acts on them
    assert "reprenez où vous en étiez" not in phrases and "où vous en étiez" not in phrases   # too many variants
    assert "ce que" not in phrases and "je reviens à" not in phrases     # pieces of sentences
    assert "je reviens" in phrases and "je t'écoute" in phrases
    assert len(phrases) <= 600


@pytest.mark.parametrize("text, expected", [
    ("où se trouve le champ", "details"),      # where on the page, not where in the guide
    ("où est le bouton valider", "details"),
    ("où on en est", "where"),
])
def test_where_on_the_page_is_details(text: str, expected: str) -> None:
    assert meant(text) == expected


def test_a_negated_page_word_counts() -> None:
    # « pas le bouton » says something: « où » alone no longer makes it « où suis-je »
    assert not isinstance(MATCHER.interpret("je ne veux pas où est le bouton", options("step:saisir-code")), Intent)


@pytest.mark.parametrize("text, context, expected", [
    ("l'avant-dernier", "step:objet-message", "goto:objet-resilier"),
    ("l'avant-dernière", "menu", "goto:ecrire-message"),
    ("l'avant-dernier", "step:oubli-choix-envoi", "goto:oubli-email"),
])
def test_the_one_before_last_chooses(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("redis-moi l'adresse", "step:ouvrir-ameli", "repeat"),      # « l'adresse » is what the step speaks of
    ("le nom est mis", "step:demande-nom", "next"),
    # elsewhere it is a word the guide does not know: the rules ask, the nearest phrasings are sure
    ("redis-moi l'adresse", "step:saisir-code", "repeat"),
])
def test_the_words_of_the_step_being_read_count_little(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_the_dialog_tells_the_matcher_which_step_is_read() -> None:
    assert options("step:ouvrir-ameli").step == "ouvrir-ameli" and options("menu").step is None



# Said to someone else in the room, with words the guide knows; written for this test, not in the corpus.
# Known to move the guide still (docs/understanding.md): « tu peux m'écrire un message » (a part of the
# guide), and « ok on fait comme ça » at a yes/no question.
FOR_SOMEONE_ELSE = [
    "le suivant c'est qui chez le coiffeur",
    "continue comme ça mon grand",
    "retourne dans ta chambre",
    "arrête de courir dans le couloir",
    "la fin du film était triste",
    "ferme la fenêtre il fait froid",
    "au revoir madame Martin",
    "passe-moi le pain",
    "aide-moi à porter les courses",
    "répète après moi les enfants",
    "recommence ton dessin",
    "attends-moi dans la voiture",
    "j'ai oublié mon parapluie",
    "tu as reçu mon message",
    "le médecin passe demain",
    "le courrier est arrivé",
    "j'ai perdu ma carte vitale dans le bus",
    "ne quitte pas je reviens",
    "on arrête le match à quelle heure",
    "c'est fini la vaisselle",
    "ça y est il pleut",
    "va te coucher",
    "c'est bon le gâteau",
    "on y va au marché",
    "Pierre tu peux revenir en arrière avec la voiture",
    "le code de la porte d'entrée",
    "mon code postal a changé",
    "demande à ton père",
    "c'est l'étape suivante du tour de France",
    "la suite au prochain épisode",
    "tu reviens quand",
    "je pars en vacances la semaine prochaine",
    "je vais sortir le chien",
    "on sort ce soir",
    "ferme la porte à clé",
    "éteins la télé",
    "bonne nuit les enfants",
    "à demain au club",
    "salut Robert ça va",
    "oui je viens de le dire au téléphone",
    "non je ne veux pas de café",
    "d'accord je te rappelle",
    "c'est parti pour le repas",
    "allez viens on y va",
    "vas-y passe devant",
    "reviens ici tout de suite",
    "recule la voiture",
    "avance un peu la chaise",
    "le premier arrivé a gagné",
    "prends le deuxième à droite",
    "le troisième étage",
    "tu as payé la facture",
    "mes paiements de loyer sont en retard",
    "j'ai un rendez-vous chez le docteur",
    "ma fille m'a envoyé un mail",
    "il faut poster cette lettre",
    "monte le son de la radio",
    "baisse la radio s'il te plaît",
    "tu parles trop fort au téléphone",
    "parle moins vite à ta grand-mère",
    "quelle heure est-il déjà",
    "où sont mes clés de voiture",
    "où est passé le chat",
    "je suis perdue dans mes papiers",
    "je ne sais plus où j'ai mis mes lunettes",
    "tu n'as pas vu mon porte-monnaie",
    "c'est quoi ce bruit",
    "qu'est-ce que tu fais ce soir",
    "comment va ta mère",
    "dis-moi quand tu arrives",
    "explique-moi ton problème",
    "je te rappelle plus tard",
    "on verra demain pour les courses",
    "attends je suis au téléphone",
    "stop les enfants ça suffit",
    "silence on tourne",
    "j'arrive dans deux minutes",
    "je reviens je vais chercher le courrier",
    "mets le couvert",
    "laisse tomber le ballon",
    "annule le rendez-vous du dentiste",
    "c'est terminé pour le jardin",
]


@pytest.mark.parametrize("context", ["step:saisir-code", "step:avez-vous-un-code", "menu", "pause:saisir-code",
                                     "step:objet-message"])
def test_sentences_for_someone_else_with_the_guides_words_never_move_it(context: str) -> None:
    moved = []
    for text in FOR_SOMEONE_ELSE:
        state = RUNNER.state(context)
        after, reply = RUNNER.dialog.handle(state, MATCHER.interpret(text, options(context)))
        if after.step != state.step or after.mode == Mode.ENDED or reply.done:
            moved.append(text)
    assert not moved


def test_the_listeners_own_past_asks_before_going_to_a_part() -> None:
    found = MATCHER.interpret("tu as reçu mon message", options("step:saisir-code"))
    assert isinstance(found, Unsure) and found.candidates[0].target == "messages"
    assert meant("je voudrais lire mes messages") == "goto:messages"


@pytest.mark.parametrize("text, context, expected", [
    ("voilà pour le nom", "step:demande-nom", "next"),           # « voilà pour … »: done with it
    ("on recule d'un cran", "step:saisir-code", "previous"),
    ("envoyez-le-moi par lettre", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("j'ai envoyé le message", "step:message-envoyer", "next"),     # « envoyer » in the past: done
    ("faire une démarche", "step:saisir-code", "goto:mes-demarches"),   # a singular is no typing mistake
    ("j'ai pas suivi tu peux recommencer la phrase", "step:saisir-code", "repeat"),   # not following: not hearing
])
def test_more_general_causes(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("redémarre le guide", "step:saisir-code", "restart"),
    ("c'est réglé", "step:saisir-code", "next"),
    ("je ne sais pas ce que je peux dire", "step:saisir-code", "help"),   # « ce que » asks like « quoi »
    ("j'y arrive pas", "step:saisir-code", "help"),
    ("ça ne marche pas", "step:saisir-code", "details"),
    ("c'est trop compliqué", "step:saisir-code", "details"),
    ("il reste combien d'étapes", "step:saisir-code", "where"),
    ("stoppe le programme", "step:saisir-code", "quit"),
    ("mon code ne marche plus", "step:saisir-code", "goto:oubli-lien"),
    ("mes remboursements", "step:saisir-code", "goto:mes-paiements"),
    ("changer mes informations", "step:saisir-code", "goto:mes-informations"),
    ("l'oubli du code", "menu", "goto:oubli-lien"),
    ("c'est bon tu peux y aller", "pause:saisir-code", "resume"),
    ("oui mais je ne m'en souviens plus", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("j'ai perdu ma carte vitale", "step:objet-message", "goto:objet-carte-vitale"),   # named, and described
    ("ma carte vitale est cassée", "step:objet-message", "goto:objet-carte-vitale"),
    ("mes indemnités ne sont pas arrivées", "step:objet-message", "goto:objet-indemnites"),
    ("on ne m'a jamais envoyé de code", "step:saisir-code", "?goto:pas-de-code-lien"),   # « pas de » after a verb
])
def test_phrasings_of_the_second_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("je t'écoute", "pause:saisir-code", "resume"),              # listening: ready
    ("vas-y je vous écoute", "pause:saisir-code", "resume"),
    ("auriez-vous l'amabilité de répéter", "step:saisir-code", "repeat"),   # polite wrappers
    ("ça vous dérangerait de répéter", "step:saisir-code", "repeat"),
])
def test_listening_and_politeness(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, expected", [
    ("je capte rien", "details"),        # familiar French
    ("tu causes trop vite", "slower"),
    ("plaît-il", "repeat"),
    ("à la revoyure", "quit"),
    ("je me casse", "quit"),
])
def test_familiar_french(text: str, expected: str) -> None:
    assert meant(text) == expected


@pytest.mark.parametrize("text", ["N`0", "ne 0", "pas trois", "ne trois"])
def test_a_negated_number_picks_nothing_and_breaks_nothing(text: str) -> None:
    # « ne 0 » used to raise StopIteration in the analysis (found by test_intents' random texts).
    assert not isinstance(MATCHER.interpret(text, options("menu")), Intent)


# ------------------------------------------------------------------ third round (general causes)

def test_a_noun_in_ll_is_no_verb() -> None:
    # « fille » used to be led to « filer » (leave): « j'aurais dû demander à ma fille » asked to quit.
    assert lemma("fille", None, MATCHER.analyzer._knows_lemma) == ("fille", False)
    assert lemma("rappelle", None, MATCHER.analyzer._knows_lemma) == ("rappeler", True)
    assert meant("j'aurais dû demander à ma fille") in ("none",) or meant("j'aurais dû demander à ma fille")[0] == "?"


@pytest.mark.parametrize("text, context, expected", [
    ("on passe à la prochaine étape", "step:saisir-code", "next"),    # « à la prochaine » ends a sentence
    ("à la prochaine", "step:saisir-code", "quit"),
    ("mon code est perdu", "step:saisir-code", "goto:oubli-lien"),     # a thing is lost; a person is « perdu »
    ("je suis perdu", "step:saisir-code", "help"),
    ("un pas en arrière", "step:saisir-code", "previous"),            # « pas » after an article: a step
    ("hein", "step:saisir-code", "repeat"),                           # alone: « what? »
    ("c'est bon hein", "step:saisir-code", "next"),
    ("ne parle plus", "step:saisir-code", "pause"),
    ("expliquez-moi plus", "step:saisir-code", "details"),            # « plus » after an order: more
    ("je n'arrive plus à me souvenir de mon code", "step:saisir-code", "goto:oubli-lien"),   # « arriver à » wraps
    ("impossible de me souvenir du code", "step:saisir-code", "goto:oubli-lien"),
    ("qu'est-ce que je dois dire pour que ça marche", "step:saisir-code", "help"),   # « pour que »: what for
    ("attendez que je m'assoie", "step:saisir-code", "pause"),        # « attendez que »: until when
    ("j'ai mal entendu", "step:saisir-code", "repeat"),                # an expression in the past
    ("remonte d'une étape", "step:saisir-code", "previous"),
    ("remonte un peu", "step:saisir-code", "louder"),                  # a degree verb alone: the volume
    ("doucement tu vas trop vite", "step:saisir-code", "slower"),
    ("et ensuite on fait quoi", "step:saisir-code", "next"),           # a question word beside a request
    ("c'est bon je reviens", "pause:saisir-code", "resume"),           # « je reviens » in a pause: I am back
])
def test_third_round_language(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("je me suis trompée reviens en arrière", "step:saisir-code", "previous"),   # a reason beside a request
    ("allez plus vite que ça", "step:saisir-code", "faster"),                  # an encouragement
    ("encore des détails", "step:saisir-code", "details"),
    ("dis-le encore", "step:saisir-code", "repeat"),                           # not beside a real request
    ("répète plus doucement", "step:saisir-code", "repeat"),                   # the manner of a repeat
    ("répétez plus lentement", "step:saisir-code", "repeat"),
    ("reviens à la vitesse normale", "step:saisir-code", "normal"),            # returning to a state
    ("retour à l'écran de connexion", "step:saisir-code", "goto:ecran-connexion"),   # a verb of moving
    ("je voudrais revoir l'étape précédente", "step:saisir-code", "previous"),
    ("je ne trouve pas le bouton valider", "step:saisir-code", "details"),     # what is not found
    ("je ne retrouve plus mon code", "step:saisir-code", "goto:oubli-lien"),  # but a code not found is lost
    ("j'ai mis ma date de naissance", "step:demande-naissance", "next"),        # the step's words, reported done
    ("mes remboursements", "step:objet-message", "goto:objet-remboursement"),  # the step's choice first
    ("la messagerie", "menu", "goto:messages"),
    ("la messagerie", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("je me suis déconnectée", "step:deconnexion", "next"),          # the step being read, said done
    ("se déconnecter", "step:deconnexion", "goto:deconnexion"),
    ("vous pouvez m'en dire plus", "step:saisir-code", "details"),
    ("on repasse à l'étape d'avant", "step:saisir-code", "previous"),
])
def test_third_round_reading(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, expected", [
    ("je l'ai", "goto:saisir-numero"),                 # the pronoun stands for the code the step asks about
    ("oui je l'ai noté", "goto:saisir-numero"),
    ("je l'ai sur un papier", "goto:saisir-numero"),
    ("oui je m'en souviens", "goto:saisir-numero"),
    ("je ne le retrouve pas", "goto:oubli-lien"),
    ("il m'est sorti de la tête", "goto:oubli-lien"),
    ("je l'ai paumé", "goto:oubli-lien"),
    ("on ne me l'a jamais envoyé", "no"),   # not « je l'ai »: the rest is not explained; the step's « non »
])
def test_a_pronoun_names_what_the_step_asks_about(text: str, expected: str) -> None:
    assert meant(text, "step:avez-vous-un-code") == expected


@pytest.mark.parametrize("text", ["oui c'est moi j'arrive", "tu peux fermer la fenêtre", "j'ai perdu mes lunettes"])
def test_third_round_sentences_for_someone_else(text: str) -> None:
    state = RUNNER.state("step:saisir-code")
    found = MATCHER.interpret(text, options("step:saisir-code"))
    after, reply = RUNNER.dialog.handle(state, found)
    assert after.step == state.step and after.mode != Mode.ENDED and not reply.done
    assert not (isinstance(found, Intent) and found.name in ("next", "quit")), found


@pytest.mark.parametrize("text, context, expected", [
    ("ma fille me l'avait donné mais je l'ai perdu", "step:avez-vous-un-code", "goto:oubli-lien"),  # after « mais »
    ("pas si vite je suis plus tout jeune", "step:saisir-numero", "slower"),       # a negation in a later clause
    ("lentement s'il vous plaît je suis plus toute jeune", "step:demande-ensuite", "slower"),
    ("qu'est-ce que je dois dire pour avancer", "step:oubli-naissance", "help"),   # « pour avancer »: the aim
    ("comment je fais pour lire mes messages", "step:mes-paiements", "goto:messages"),   # how to: the aim asked
    ("comment je fais pour aller dans le champ", "step:saisir-code", "details"),
    ("c'est pour savoir mes droits", "step:objet-message", "goto:objet-droits-demarches"),
    ("moi j'ai pas d'adresse e-mail", "step:oubli-choix-envoi", "goto:oubli-courrier"),   # « e-mail » inside, refused
    ("on m'a pas remboursé le dentiste", "step:objet-message", "goto:objet-remboursement"),  # described, not refused
    ("attendez je suis où moi", "step:confirmation-pas-recu", "where"),
    ("j ai tapé les six chiffres c est validé", "step:confirmation-taper", "next"),   # the step's own words, described
    ("tu me casses les oreilles", "step:demande-code-postal", "softer"),
    ("revenir à la première étape du guide", "step:message-envoyer", "restart"),
    ("je vais être papa", "step:objet-message", "goto:objet-paternite"),           # « être papa »: nobody called
    # found by the sixth batch's evaluation half, run once: a « non » said twice corrected nothing, and « j'y suis »
    # then said yes (the e-mail branch) at « Ameli vous demande-t-elle un code ? »
    ("non non j'y suis", "step:code-confirmation", "no"),
    ("le code je m'en souviens pu", "step:avez-vous-un-code", "goto:oubli-lien"),   # « pu », the « plus » of Québec
    ("remets ta voix comme elle était avant", "step:objet-remboursement", "normal"),
    ("envoyer un mot à la sécu", "menu", "goto:ecrire-message"),
    ("je suis là de nouveau", "pause:objet-message", "resume"),
])
def test_general_causes_of_the_sixth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("bernard c'est quoi déjà notre adresse mail", "step:oubli-choix-envoi", "?details"),  # what it is: not chosen
    ("où elle est passée cette carte", "pause:oubli-numero", "?next"),          # a question is no report
    ("je me demande si la pharmacie est ouverte", "step:objet-message", "?goto:objet-remboursement"),
    ("le code qu'on reçoit par mail pour confirmer", "menu", "none"),          # an aim never answers « oui »
    ("le plus rapide", "step:oubli-choix-envoi", "none"),                      # the fastest: no setting
    # no « attends, »: the rules ask, the nearest phrasings (« j'attends le message ») are sure
    ("j'attends toujours le message", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
])
def test_asked_or_not_taken_in_the_sixth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("euh non non revenez en arrière", "step:message-envoyer", "previous"),   # a « non » said twice announces
    ("non suivant", "step:saisir-code", "?no|next"),                           # once, it may be an answer
    ("attends attends j'ai raté le début redis-moi", "step:demande-ensuite", "repeat"),   # the part to hear again
    ("pardon madame j'ai pas entendu la fin", "step:oubli-courrier-attente", "repeat"),
    ("c'est trop rapide j'ai pas le temps de suivre", "step:ecrire-message", "slower"),   # a reason: no time
    ("je me suis assoupi on en était où", "step:mes-demarches", "where"),     # « on en était où » is a request
    ("par mél", "step:oubli-choix-envoi", "goto:oubli-email"),                 # the lexicon's words for « mail »
    ("sur ma boîte électronique", "step:oubli-choix-envoi", "goto:oubli-email"),
    # the step's word: asked until the 126th round, whose nearest phrasings are sure of it
    ("il faut un code envoyé par mail", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("je l'ai bien en tête", "step:avez-vous-un-code", "goto:saisir-numero"),   # « en tête »: remembered
    ("je l'ai plus en tête", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("bon ben bonne fin de journée là", "step:message-envoyer", "quit"),
    ("ben certain", "oui-non", "yes"),
    ("je prendrais la réponse numéro trois", "step:avez-vous-un-code", "goto:oubli-lien"),   # cues of a number
    ("votre deuxième proposition", "step:code-confirmation", "goto:page-accueil"),
    ("numéro deux de la liste", "step:objet-message", "goto:objet-cmuc"),
    ("c'est fini ça après quoi", "step:ouvrir-ameli", "next"),
    ("c'est rentré on passe au reste", "step:demande-code-postal", "next"),
    ("on fait une pause café", "step:oubli-courrier-attente", "pause"),        # what only makes it precise
    ("on efface tout et on refait depuis le commencement", "step:demande-code-postal", "restart"),
    ("tu gueules trop", "step:objet-carte-vitale", "softer"),
    ("parle plus posément", "step:oubli-choix-envoi", "slower"),
    ("ça a coupé je l'ai pas entendu", "step:deconnexion", "repeat"),        # « ça » starts a clause: a reason
    ("elle parle lentement la voix on peut l'accélérer", "step:mes-informations", "faster"),   # the state, described
    ("plus vite plus lentement", "step:saisir-code", "?slower|faster"),        # two settings: no state described
    ("bon je suis à vous", "pause:demande-code-postal", "resume"),
    ("c'est bon je suis revenue on peut y retourner", "pause:saisir-code", "resume"),
    ("il est sorti de ma tête", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("le numéro secret je l'ai plus en tête", "step:saisir-code", "goto:oubli-lien"),
    ("une autre fois la même chose", "step:borne-medecin", "repeat"),
    ("non non j'ai mon compte devant moi", "step:code-confirmation", "goto:page-accueil"),
    ("j'ai regardé y a rien", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("je reviendrai quand j'aurai la lettre", "step:oubli-courrier-attente", "quit"),   # « Voulez-vous vraiment … ? »
    ("ma femme va accoucher je veux mon congé", "step:objet-message", "goto:objet-paternite"),   # a reason (eleventh)
    ("moi pas savoir quoi dire", "step:mes-paiements", "help"),   # « pas » before the wrapper verb it negates
    # found by the seventh batch's evaluation half, run once: a pause said over was asked about, not resumed
    ("la pause est finie", "pause:confirmation-boite-mail", "resume"),
])
def test_general_causes_of_the_seventh_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context", [
    ("allez chercher le courrier dans la boîte aux lettres", "step:oubli-choix-envoi"),   # an errand, with « allez »
])
def test_seventh_round_sentences_that_choose_nothing(text: str, context: str) -> None:
    found = meant(text, context)
    assert not found.startswith("goto:"), found


@pytest.mark.parametrize("text, context, expected", [
    ("par la poste je lis pas mes mails", "step:oubli-choix-envoi", "goto:oubli-courrier"),   # a reason beside
    ("par courrier normal", "step:oubli-choix-envoi", "goto:oubli-courrier"),     # the kind of choice
    ("une vraie lettre", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("je veux revenir à l'étape d'avant j'ai pas fini mon message", "step:message-envoyer", "previous"),
    ("ça je connais passe à autre chose", "step:mes-demarches", "next"),        # asked to go on, with a reason
    ("non non je me suis mal exprimée", "oui-non", "no"),                      # staying, at « quitter ? »
])
def test_reasons_beside_an_answer_a_move_back_or_going_on(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context", [
    ("ça y est il pleut", "step:saisir-code"),                 # a report beside talk: still asked, never moved
    ("va chercher le courrier dans la boîte aux lettres", "step:oubli-choix-envoi"),   # an errand: no answer
    ("je ne veux pas revenir en arrière je suis bien ici", "step:message-envoyer"),    # the request refused
])
def test_reasons_do_not_make_talk_a_request(text: str, context: str) -> None:
    assert meant(text, context) not in ("next", "goto:oubli-courrier", "previous")


def test_a_no_with_a_reason_at_a_step_question_is_still_asked() -> None:
    """« non je parlais à ma fille » at « Ameli vous demande-t-elle un code ? » would move the guide: only a
    confirmation (quit, restart), where « non » stays, takes a reason beside it."""
    assert meant("non je parlais à ma fille", "step:code-confirmation") != "no"
    assert meant("non je parlais à ma fille", "oui-non") == "no"


def test_turning_round_is_no_going_back() -> None:
    """Found on the eighth batch's tuning half, once the corpus gave each step the way a person came to it:
    « tu peux te retourner s'il te plaît », said to someone in the room, took the guide a step back."""
    assert meant("tu peux te retourner s'il te plaît", "step:saisir-code") == "none"
    assert meant("retourne en arrière", "step:saisir-code") == "previous"


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninth batch's run: a story about the first time named the step in the past (it moved)
    ("la première fois que j'ai vu un ordinateur c'était en quatre-vingt-dix", "step:premiere-connexion",
     "?goto:premiere-connexion"),
    ("j'ai fait ma première connexion", "step:premiere-connexion", "next"),   # its own words in the past: done
    ("je me suis déconnectée", "step:deconnexion", "next"),
    # in a pause, the pause spoken of beside going on is the one ending; going on read fairly surely resumes
    ("excusez-moi de vous avoir fait attendre, on peut reprendre si vous voulez bien", "pause:confirmation-taper",
     "resume"),
    ("j'ai réfléchi, on peut repartir", "pause:objet-message", "resume"),
    ("aupa, on y retourne", "pause:demande-nom", "resume"),
    ("attends je reviens tout de suite Marcel", "pause:saisir-code", "?pause"),   # too unsure: only asked (stay paused)
    # « en » before the verb: how many of them, no choice by its number
    ("j'en avais un mais je m'en souviens plus", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("le premier", "step:avez-vous-un-code", "goto:saisir-numero"),
    # a choice's phrase that was a pause request by itself (« j'attends toujours »): every « attends » chose it
    ("attends-moi un moment, je regarde mes mails", "step:confirmation-boite-mail", "pause"),
    ("attendez je cherche mes lunettes", "step:confirmation-boite-mail", "pause"),
    ("patientez le temps que j'ouvre ma boîte", "step:confirmation-boite-mail", "pause"),
    ("j'attends toujours le message", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
])
def test_found_by_the_ninth_batch(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_no_choice_of_the_guide_is_said_by_a_command_alone() -> None:
    """A choice's phrase whose meaning is one command's (« j'attends toujours » was a pause request) makes every
    way of saying that command choose it: « attendez, je cherche mes lunettes » moved the guide."""
    assert not [(step.id, said, command) for step, _, said, command in MATCHER.choices_said_as_commands()]


@pytest.mark.parametrize("text, context", [
    # a last « après » after a thing still to do says when, not « et après ? » (the ninth batch's one move)
    ("laisse, je vais le faire, c'est moi qui éteins l'ordinateur après", "step:deconnexion"),
    ("je le ferai après", "step:deconnexion"),
    ("on verra ça ensuite", "step:saisir-code"),
    ("tape ton code après", "step:saisir-code"),
])
def test_a_last_apres_says_when_after_a_thing_still_to_do(text: str, context: str) -> None:
    assert not isinstance(MATCHER.interpret(text, options(context)), Intent)


@pytest.mark.parametrize("text, context", [
    # after a thing done, or alone, it asks what comes next
    ("ouais ouais c'est tapé, après", "step:saisir-code"),
    ("j'ai cliqué après", "step:premiere-connexion"),
    ("c'est fait, ensuite", "step:saisir-code"),
    ("bon après", "step:saisir-code"),
    ("je tape mon code et après", "step:saisir-code"),
])
def test_a_last_apres_after_a_thing_done_asks_for_the_next_step(text: str, context: str) -> None:
    assert meant(text, context) == "next"


@pytest.mark.parametrize("text, context, expected", [
    # an expression that holds the « pas » an open « ne » waits for (« pas bien entendu »)
    ("je n'ai pas bien entendu", "step:saisir-code", "repeat"),
    ("je n'ai pas bien entendu ce que vous avez dit, auriez-vous l'amabilité de le redire", "step:saisir-code",
     "repeat"),
    # a subject after a negation starts a clause it is not in: « on continue » is not negated
    ("pas encore, on continue", "oui-non", "no"),            # at « quitter ? »: staying (« pas encore »: a no)
    # « ni » negates like « pas »
    ("je n'ai ni code ni rien", "step:ecran-connexion", "goto:pas-de-code-lien"),
    # the voice's setting « de départ », « de base », « d'usine » is its usual one, not the guide's start
    ("revenez au réglage de départ pour la voix", "step:demande-nom", "normal"),
    ("remettez les réglages d'usine", "step:saisir-code", "normal"),
    ("on revient au point de départ", "step:saisir-code", "restart"),   # « au point » a noun (136); the guide asks anyway
    # words of the tuning halves' misses
    ("rebelote s'il vous plaît", "step:demande-ensuite", "repeat"),
    ("je voudrais en savoir davantage", "step:saisir-numero", "details"),
    ("on est à quel chapitre", "step:objet-invalidite", "where"),
    ("c'est bien trop bruyant descendez le volume", "step:demande-suivant", "softer"),
    ("plus vif s'il vous plaît ça endort", "step:valider-connexion", "faster"),
    ("y a pas le feu au lac, parlez plus lentement", "step:page-accueil", "slower"),
    ("le code il est sorti de ma mémoire", "step:saisir-code", "goto:oubli-lien"),
    ("celui en cinquième position", "step:objet-message", "goto:objet-invalidite"),
    # « son » before its noun is « his », not the sound
    ("c'est bon, le facteur est reparti avec son colis, on continue où on en était", "pause:mes-demarches", "resume"),
    ("baisse le son", "step:saisir-code", "softer"),
    # an apology for the wait asks nothing of its own
    ("pardon pour l'attente, nous pouvons poursuivre", "pause:ecrire-message", "resume"),
])
def test_found_in_the_tenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, expected", [
    ("oui, on peut continuer maintenant", "resume"),   # found by the tenth batch's run: it answered « oui » and moved
    ("oui on y va", "resume"),
    ("c'est bon", "resume"),
    ("oui", "yes"),                                     # the answer alone answers the step's question
])
def test_paused_at_a_question_going_on_resumes_and_answers_nothing(text: str, expected: str) -> None:
    assert meant(text, "pause:avez-vous-un-code") == expected
    if expected == "resume":
        state = RUNNER.state("pause:avez-vous-un-code")
        after, _ = RUNNER.dialog.handle(state, MATCHER.interpret(text, options("pause:avez-vous-un-code")))
        assert after.step == state.step and after.mode == state.back_mode


@pytest.mark.parametrize("text, context, expected", [
    # an « ok », a « compris » at the head of another request only acknowledges what was said
    ("d'accord, compris, et l'étape d'après c'est quoi", "step:saisir-numero", "next"),
    ("ok j'ai bien compris, on retourne en arrière", "step:saisir-numero", "previous"),
    ("ok", "step:saisir-numero", "yes"),
    # a setting word said again, or beside another word of the voice, is still said alone
    ("lentement, lentement, moins vite s'il te plaît", "step:saisir-numero", "slower"),
    # the last of several corrections counts, and a correction said twice is one
    ("plus vite, euh non attendez, je voulais dire moins vite", "step:saisir-numero", "slower"),
    ("le trois, non pardon, je veux dire le quatre", "menu", "goto:code-confirmation"),
    # the speaker's own haste is no complaint about the voice
    ("je suis allée trop vite, reviens en arrière", "step:saisir-numero", "previous"),
    ("je suis allé trop vite", "step:saisir-numero", "none"),
    ("tu vas trop vite", "step:saisir-numero", "slower"),
    # « comment je fais pour » a part of the guide asks for that part, not for the step's details
    ("comment je fais pour me déconnecter de mon compte", "step:mes-informations", "goto:deconnexion"),
    ("comment je fais pour aller à la poste", "step:mes-informations", "details"),
    # a noun after its determiner, followed by a verb or an object pronoun, starts a clause: here a reason
    ("l'aspirateur faisait trop de bruit, vous pouvez redire", "step:demande-nom", "repeat"),
    ("mon mari me parlait, répète s'il te plaît", "step:demande-nom", "repeat"),
    # « partie » after « être » is someone who left, no part of the guide
    ("la voisine est déjà partie", "step:demande-nom", "none"),
    # a setting's verb after its auxiliary tells what was done, it asks nothing
    ("j'ai monté le son de la télé", "step:demande-nom", "none"),
    ("monte le son", "step:demande-nom", "louder"),
    # interjections from everywhere ask nothing; spoken contractions are the words they stand for
    ("peuchère, plus lentement", "step:demande-nom", "slower"),
    ("oh fichtre, répète", "step:demande-nom", "repeat"),
    ("chais pas quoi dire", "step:demande-nom", "help"),
    ("ch'uis r'venu, on continue", "pause:demande-nom", "resume"),
    # reading out the parts of the guide is asking for them
    ("lis-moi le sommaire", "step:page-accueil", "menu"),
    ("relis", "step:page-accueil", "repeat"),
    # « encore » after a subject and its verb says « still »
    ("il en reste encore beaucoup", "step:deconnexion", "none"),
    ("je cherche encore", "step:deconnexion", "none"),
    ("tu peux répéter encore", "step:deconnexion", "repeat"),
    # the same number said twice is one choice
    ("le trois, le trois", "menu", "goto:ecran-connexion"),
    # found by the eleventh batch's run: going on in a pause, after a reason or an apology
    ("voilà, j'ai retrouvé mes lunettes, on peut y retourner", "pause:demande-nom", "resume"),
    ("j'ai fini de réfléchir, tu peux reparler", "pause:demande-nom", "resume"),
    ("pardon, j'étais à la porte, je vous écoute", "pause:demande-nom", "resume"),
    # and a setting said of a thing that is not the voice (« ce café est bien trop fort » softened the voice)
    ("le thé est trop fort", "step:demande-nom", "none"),
    ("le son est trop fort", "step:demande-nom", "softer"),
    ("ton débit est trop lent", "step:demande-nom", "faster"),
    # after the eleventh batch's run, from its tuning half: « moment » in « à quel moment », « au moment de »
    ("à quel moment du guide on est", "step:demande-nom", "where"),
    ("au moment de valider, je me suis aperçue d'une faute", "step:demande-nom", "none"),
    ("attendez un moment", "step:demande-nom", "pause"),
    # a number and « le dernier » said again: the number
    ("le quinze, le dernier", "menu", "goto:deconnexion"),
])
def test_found_in_the_eleventh_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # a verb in « ce que tu/vous … » is what the guide does, not a request
    ("je sais pas ce que tu attends", "step:saisir-code", "none"),
    # « avant de » and its verb say when
    ("avant de fermer, redis-moi tout", "step:saisir-code", "repeat"),
    # a number of minutes is how long
    ("on fait une pause de dix minutes", "step:saisir-code", "pause"),
    # the parts or steps named as where one is, or the one before
    ("on est où dans les parties", "step:saisir-code", "where"),
    ("retournez à la partie précédente", "step:saisir-code", "previous"),
    # « pas encore » said alone is a « non »
    ("pas encore", "oui-non", "no"),
    # one word of little meaning asks nothing; a question still does
    ("dis donc", "step:saisir-code", "none"),
    ("pourquoi il pleut", "step:saisir-code", "none"),
    ("que sais-tu faire", "step:saisir-code", "help"),
    ("je réponds comment", "step:avez-vous-un-code", "help"),   # a question word anywhere (found by the single run)
    ("voilà qui est fait", "step:saisir-code", "next"),
    # a verb's form after a determiner is a noun
    ("elle est au marché", "step:saisir-code", "none"),
    # « ce point », « ce pas »: nouns, no negation
    ("des détails sur ce point", "step:saisir-code", "details"),
    # words of the lexicon
    ("élevez la voix", "step:saisir-code", "louder"),
    ("tu chuchotes", "step:saisir-code", "louder"),
    ("sortir de mon compte", "menu", "goto:deconnexion"),
    ("j'ai fait une faute, reviens", "step:saisir-code", "previous"),
    ("je lâche l'affaire", "step:saisir-code", "quit"),
    ("bon je vais me coucher", "step:saisir-code", "quit"),
    ("laisse-moi souffler", "step:saisir-code", "pause"),
    ("ché pas quoi faire, aide-moi", "step:saisir-code", "help"),
    # found by the twelfth batch's single run: a goodbye beside a report of the step done is no « next » (since the
    # eighteenth round, being done is the reason to leave: quit, which the guide confirms); one part described is
    # that part, not the sommaire
    ("c'est bon pour moi, on arrête là, au revoir madame", "step:page-accueil", "quit"),
    ("la partie pour lire mes messages", "menu", "goto:messages"),
    ("la partie sur les paiements", "menu", "goto:mes-paiements"),
    ("les parties du guide", "step:saisir-code", "menu"),
    # in a pause, what someone else did is a reason to go on (found in the twelfth batch's tuning half)
    ("la voisine est passée, on s'y remet", "pause:saisir-code", "resume"),
])
def test_found_in_the_twelfth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # an order after another clause is no reason of the choice before it: the other choice is asked for
    ("les mails, j'y connais rien, envoyez-moi une lettre", "step:oubli-choix-envoi", "none"),
    ("les lettres je les perds, envoyez-moi un mail", "step:oubli-choix-envoi", "none"),
    ("par mail, j'ai pas de boîte aux lettres", "step:oubli-choix-envoi", "goto:oubli-email"),
    # what the speaker will do is no request: « j'attendrai » is no pause
    ("bon je ferme le guide, j'attendrai la lettre", "step:oubli-courrier-attente", "quit"),
    ("j'attendrai", "step:saisir-code", "none"),
    ("je continuerai demain", "step:saisir-code", "quit"),
    # found by the thirteenth batch's single run: « à ce moment-là » says when; the father's leave
    ("je dis quoi à ce moment-là", "step:saisir-code", "help"),
    ("c'est pour le congé du père", "step:objet-message", "goto:objet-paternite"),
    # a choice told in the first person is not what the guide is asked to do (found in the twelfth's evaluation half)
    ("tu peux attendre, je cherche le message", "step:confirmation-boite-mail", "pause"),
    ("j'attends toujours le message", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
])
def test_found_in_the_thirteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fourteenth batch's single run: a quotation beside someone else's story is theirs; the first
    # person's own quoted word is still a request
    ("« Suivant ! » il appelait comme ça, le docteur", "step:saisir-code", "none"),
    ("Suivant ! il appelait comme ça, le docteur", "step:saisir-code", "next"),   # unquoted: said, it seems
    ("« suivant », j'ai dit", "step:saisir-code", "next"),
    # « c'est tout petit » is the sound, not « c'est tout »; leave before the birth is the mother's
    ("pouvez-vous monter le son ? c'est tout petit", "step:code-confirmation", "louder"),
    ("je voudrais le congé avant l'accouchement", "step:objet-message", "goto:objet-maternite"),
])
def test_found_in_the_fourteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fifteenth batch's single run: a thing that waits for the speaker is described, not a pause
    # asked; what it asks for, with its object, is still what the sentence is about
    ("il y a une lettre qui m'attend à la poste", "step:saisir-code", "none"),
    ("y a une page qui me demande un code reçu par mail", "step:code-confirmation", "goto:confirmation-boite-mail"),
    # whispering asked for is softer; told it whispers, louder
    ("chuchote, s'il te plaît", "step:demande-nom", "softer"),
    ("vous chuchotez", "step:demande-nom", "louder"),
    ("ne chuchote pas comme ça", "step:demande-nom", "louder"),
])
def test_found_in_the_fifteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixteenth batch's single run: beside a step forward or back, a clause in words the guide has
    # never heard of is a story of its own, not the reason to move (« au suivant… elle me trotte dans la tête,
    # cette chanson de Brel » went to the next step); a reason in the guide's words, negated ones too, still is one
    ("suivant, suivant, elle me trotte dans la tête cette rengaine de Dalida", "step:saisir-code", "none"),
    ("suivant, j'ai fini de taper mon code", "step:saisir-code", "next"),
    ("reviens, j'ai oublié de noter le numéro", "step:saisir-code", "previous"),
    # an order that opens the sentence is asked of the guide, not the choice told in the first person
    ("attendez, je cherche le message", "step:confirmation-boite-mail", "pause"),
    ("j'attends toujours le message", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("on pourrait p'têt ben revenir en arrière, j'ai dû rater mon code", "step:valider-connexion", "previous"),
])
def test_found_in_the_sixteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventeenth batch's tuning half and the misses of the tuning halves before it
    # being lost is the reason to ask where one is, in however light words; alone it still asks for help
    ("je suis perdue, on en est où ?", "step:demande-nom", "where"),
    ("je suis perdue", "step:demande-nom", "help"),
    ("vous pouvez me dire à quelle étape on est ?", "step:mes-paiements", "where"),   # « me dire »: asked
    ("c'est laquelle, l'étape ?", "step:mes-paiements", "where"),
    # « un peu plus » is more, not « no more », even after a question with a subject; « plus rien » still negates
    ("la CMU ? explique-moi un peu plus", "step:objet-cmuc", "details"),
    ("j'entends plus rien", "step:objet-cmuc", "louder"),
    ("pardonnez-moi de vous importuner, auriez-vous l'obligeance de répéter", "step:saisir-numero", "repeat"),
    ("vous comprenez quels ordres ?", "step:bienvenue", "help"),
    # the voice as it was, its speed and volume named, is what « normal » restores
    ("la voix d'avant, ni trop rapide ni trop forte, remettez-la normale", "step:demande-nom", "normal"),
    ("remets la voix normale, ni trop lente ni trop basse", "step:demande-nom", "normal"),
    # starting again from the start, said so, takes a reason; a bare « recommencez » does not become restart by it
    ("tout depuis le début, j'ai rien capté", "step:messages", "restart"),
    ("recommencez la phrase, j'ai rien capté", "step:messages", "repeat"),
])
def test_found_in_the_seventeenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighteenth batch's tuning half: a pause taken away is the guide resumed; Quebec's « chu » (je
    # suis) and « mêlé » (lost), a « pétard » of the Midi only a cry
    ("on sort de la pause, je suis là", "pause:saisir-code", "resume"),
    ("retirez la pause s'il vous plaît", "pause:demande-nom", "resume"),
    ("chu tout mêlé, qu'est-ce que je peux te dire ?", "step:saisir-code", "help"),
    ("pétard, reviens en arrière, j'ai raté le champ", "step:ecran-connexion", "previous"),
    # done, and asking to close the guide: a goodbye (it went to the next step); the guide still asks first
    ("c'est bon, ferme le guide", "step:page-accueil", "quit"),
    ("voilà, déconnecté, c'est terminé, tu peux éteindre le guide", "step:deconnexion", "quit"),
    ("c'est fini la vaisselle, ferme la fenêtre", "step:saisir-code", "none"),
])
def test_found_in_the_eighteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the nineteenth batch's tuning half: « pas de souci » denies nothing (it chose « je n'ai pas de code »)
    ("pas de souci", "oui-non", "yes"),
    ("aucun problème", "oui-non", "yes"),              # was « non »
    ("mon code je l'ai, aucun souci", "step:avez-vous-un-code", "goto:saisir-numero"),
    # « on commence » was spelt « on recommence »: beginning is going on, starting again from the start still is not
    ("bon ben on commence", "step:bienvenue", "next"),
    ("je suis prêt, commençons", "step:bienvenue", "next"),
    ("recommence depuis le début", "step:saisir-code", "restart"),
    # a complaint with its setting, then a wish: « doucement » made the voice faster
    ("tu vas trop vite, doucement", "step:saisir-code", "slower"),
    ("tu parles trop fort, doucement", "step:saisir-code", "softer"),
    ("tu parles vite", "step:saisir-code", "slower"),
    # having missed something is a reason to go back; not knowing where one put the code is having lost it
    ("j'ai raté un bout, reviens en arrière", "step:demande-nom", "previous"),
    ("je sais plus où j'ai rangé le code", "step:avez-vous-un-code", "goto:oubli-lien"),   # was « oui »
    ("je sais plus où j'ai mis mes clés", "step:saisir-code", "none"),
    # a first time, when the guide asks about the code, is having none (the guide's own phrase for that choice)
    ("non, c'est la première fois", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    # the step being read, asked about, is its details; elsewhere it is still the way to it
    ("c'est quoi ces paiements ?", "step:mes-paiements", "details"),
    ("c'est quoi les paiements ?", "step:saisir-code", "goto:mes-paiements"),
    # an aim half understood is asked about rather than left unheard
    ("nous c'est pour avoir un nouveau code, j'ai oublié le mien", "step:bienvenue", "?goto:oubli-lien"),
    # not knowing what to say is asking for help, however it is said: créole « mi », « wallah », « deh », « un brin »
    ("moi comprends pas, qu'est-ce que je dois dire", "step:mes-paiements", "help"),
    ("mi comprend pas, qu'est-ce que mi peux dire", "step:mes-paiements", "help"),
    ("wallah je suis perdu, qu'est-ce que je peux dire", "step:saisir-code", "help"),
    ("aidez-moi un brin, je sais pas quoi faire", "step:saisir-code", "help"),
    ("répète deh", "step:saisir-code", "repeat"),
    # the same tuning halves, read again: « plus simple » compares (it read « ne … plus »), what the screen says is
    # reported (« y a marqué »), « coordonnées » are informations, the paper the code was written on lost is the
    # code lost, and the home page greets by name (the guide's own phrases for that choice)
    ("par courrier, c'est plus simple pour moi", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("il y a écrit qu'on me demande un code", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("il y a marqué que je suis connecté", "step:code-confirmation", "goto:page-accueil"),
    ("c'est écrit", "step:demande-nom", "next"),
    ("je voudrais voir mes coordonnées", "step:les-categories", "goto:mes-informations"),
    ("j'ai perdu la feuille où je l'avais écrit", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("je sais plus ce que c'était, mon code", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("je vois mon nom en haut", "step:code-confirmation", "goto:page-accueil"),
    # initials with their dots are one word, in the sentence and in the step's text; a question about what the step
    # says is its details; « racontez-moi » asks for more, « leur raconter » is the person's own telling
    ("c'est quoi au juste, la C.M.U.C. ?", "step:objet-cmuc", "details"),
    ("c'est quoi ce champ", "step:saisir-code", "details"),
    ("c'est quoi le code de la porte", "step:saisir-code", "none"),
    ("racontez-moi un peu plus", "step:borne-medecin", "details"),
    ("qu'est-ce que je vais bien pouvoir leur raconter", "step:message-rediger", "none"),
    # « comme vous dites » only agrees; « qu'est-ce qu'on fait après » asks the next step like « on fait quoi
    # après »; the Nord's « min fiu » is someone spoken to
    ("c'est tapé comme tu dis", "step:demande-nom", "next"),
    ("c'est bon min fiu, qu'est-ce qu'on fait maintenant", "step:saisir-code", "next"),
    ("qu'est-ce qu'on fait après le repas, chéri ?", "step:saisir-code", "none"),
])
def test_found_in_the_nineteenth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the tuning halves before the twentieth batch was run: leaving takes the speaker's own reason beside
    # it (the guide asks before it quits); a clause of someone else's, or one that holds the request, is none
    ("on arrête là, je suis trop fatiguée", "step:mes-paiements", "quit"),
    ("stop, on arrête, je finirai un autre jour", "step:mes-paiements", "quit"),
    ("ferme la fenêtre, il fait froid", "step:deconnexion", "none"),
    ("j'ai oublié de fermer la fenêtre", "step:saisir-code", "none"),
    # a negated « vouloir », « avoir », « être » after the request is its reason; before it, it refuses it
    ("fermez-moi ce compte, je n'en veux plus", "step:objet-message", "goto:objet-resilier"),
    ("je dois créer un compte, j'en ai pas", "step:ouvrir-ameli", "goto:pas-de-code-lien"),
    ("moins fort, je suis pas sourd", "step:messages", "softer"),
    ("je ne veux pas supprimer mon compte", "step:objet-message", "?goto:objet-resilier"),
    # the seventh round kept a first time from choosing; the nineteenth made it the guide's own phrase for « je
    # n'ai pas de code » at that question
    ("c'est la première fois que je vais sur ce site j'ai rien du tout", "step:avez-vous-un-code",
     "goto:pas-de-code-lien"),
    # « mars » is a month (it read « marre », « j'en ai marre »: leaving); « quelque part » is no « partir »
    ("quinze mars, c'est mis", "step:demande-naissance", "next"),
    ("t'as pas vu mes lunettes quelque part ?", "step:saisir-code", "none"),
])
def test_found_before_the_twentieth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the twentieth batch's tuning half after its single run. Words the guide knows, beside going on,
    # are no story of their own (it counted the concepts « élément », « #2 » as unknown words)
    ("j'ai écouté les deux champs et le bouton, c'est bon, on avance", "step:ecran-connexion", "next"),
    ("au suivant, elle me trotte dans la tête, cette chanson de Brel", "step:saisir-code", "none"),
    # « petit mot » is a message, not the words one says to the guide (it read help)
    ("voilà mon petit mot est écrit, on continue", "step:message-rediger", "next"),
    # a noun and a verb in the imperfect are a clause of their own: a reason (« le chien aboyait »)
    ("pardon, la télé marchait fort, vous pouvez me relire l'étape ?", "step:saisir-code", "repeat"),
    # what is on the page is no sommaire; the step just before, named, is where « revenir » goes, not a part
    ("tu peux me relire ce qu'il y a sur l'écran ?", "step:saisir-numero", "repeat"),
    ("on peut retourner au code postal ? je me suis trompé", "step:demande-suivant", "previous"),
    ("retourner aux catégories", "step:mes-paiements", "goto:ouvrir-rubriques"),
    # « pas du tout » after a verb negates it (« je sais pas du tout » read « non »); Québec's « pantoute »
    ("je sais pas du tout où on en est", "step:saisir-code", "where"),
    ("je sais pantoute où on en est", "step:saisir-code", "where"),
    ("non pas du tout", "oui-non", "no"),
    # asking about the step: « qu'est-ce qu'il y a là-dedans », « ça concerne quoi »; the step's own words weigh
    # little beside « expliquez »
    ("qu'est-ce qu'il y a là-dedans ?", "step:mes-demarches", "details"),
    ("ça concerne quoi ?", "step:objet-cmuc", "details"),
    ("expliquez-moi mieux, ce nom de jeune fille", "step:demande-nom", "details"),
    # « avant que je commence » says when (« avant » read « en arrière »); « comme au départ » restores the voice
    ("lisez-moi les parties avant que je commence", "step:bienvenue", "menu"),
    ("remets la voix comme au départ", "step:saisir-code", "normal"),
    ("c'est où la case ?", "step:saisir-code", "details"),
    # the guide: « saisir un code », « taper un code » reported at « Un code de confirmation ? »
    ("il y a marqué de saisir un code", "step:code-confirmation", "goto:confirmation-boite-mail"),
    # time gone by is no pause (« ça fait dix minutes »); a time asked about is no part of the guide
    ("ça fait dix minutes et rien dans ma boîte mail", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("attends deux minutes", "step:saisir-code", "pause"),
    ("le film commence à quelle heure ?", "step:saisir-code", "none"),
    # a part of the guide with the speaker's reason; a « non » that corrects the guide before a first-person wish;
    # a « oui » at the step's question, with what the speaker says of the thing
    ("je viens de déménager, je veux voir mes informations", "step:page-accueil", "goto:mes-informations"),
    ("non, en fait je voulais lire mes messages", "step:mes-paiements", "goto:messages"),
    ("oui, je l'ai appris par cœur", "step:avez-vous-un-code", "yes"),
    # what the guide understands, asked of it, is help (the vocabulary's « qu'est-ce que tu comprends »); not what
    # someone else says
    ("qu'est-ce que vous comprenez, vous ?", "step:mes-paiements", "help"),
    ("dis-moi quelles phrases marchent", "step:saisir-code", "help"),
    ("Paul, tu comprends ce que dit mamie ?", "step:saisir-code", "none"),
    # a « je ne veux pas » keeps its negation off another subject's verb (it read « je ne comprends pas »)
    ("je ne veux pas que tu comprennes de travers", "step:saisir-code", "none"),
    # the phone handed over at the step's question is no « oui » with « passer » (it went to the number)
    ("oui, je vous la passe", "step:avez-vous-un-code", "?yes"),
])
def test_found_in_the_twentieth_round(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-first batch's evaluation half, run once, showed a sentence for someone else that moved the guide
    # (« Bon ben t'as qu'à valider toi-même, vas-y, appuie sur entrée. » went to the next step): « toi-même »,
    # « à ta place » give the thing to someone else, anywhere in the sentence, and the guide only asks
    ("t'as qu'à appuyer toi-même sur entrée, vas-y", "step:oubli-courrier-valider", "?next"),
    ("allez, valide toi-même, vas-y, appuie sur entrée", "step:oubli-email-valider", "?next"),
    # its tuning half: « jai » typed without its apostrophe, the Nord's « biloute » said to the guide, « rrrh »
    ("jai coché la case, on peut passer à la suite", "step:oubli-email", "next"),
    ("non, reviens à celle d'avant, biloute", "step:mes-informations", "previous"),
    ("rrrh, j'ai rien suivi, relis-moi ça", "step:demande-ensuite", "repeat"),
])
def test_found_by_the_twenty_first_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # from the tuning halves, before the twenty-second batch's run: « expliquez-moi plus » with « moi » after the
    # verb is an order, so « plus » is more (a « c'est » before it made it « no more »)
    ("c'est où, ce bouton ? expliquez-moi plus", "step:saisir-numero", "details"),
    # asking the question again; a young « nope » / « yep »; the Midi's « boudu » and « con » said to the guide
    ("vous pouvez me reposer la question ?", "step:avez-vous-un-code", "repeat"),
    ("nope", "step:code-confirmation", "no"),
    ("yep", "step:code-confirmation", "yes"),
    ("boudu, con, tu peux me relire ça ?", "step:valider-connexion", "repeat"),
    # what the institution sent describes the messages (no « envoyer un message »); asking where a part is is
    # going to it, but no errand (« va chercher… »); their answer is a message, not « la réponse trois »
    ("où je trouve les messages que la caisse m'a envoyés ?", "step:mes-paiements", "goto:messages"),
    ("va chercher les messages dans la boîte aux lettres", "step:oubli-choix-envoi", "none"),
    ("où est leur réponse, je veux la lire", "step:page-accueil", "goto:messages"),
    ("la réponse trois", "step:avez-vous-un-code", "goto:oubli-lien"),
    # the voice's « débit » is a word of the guide; « parce que », « puisque » only introduce the reason
    ("vous pourriez accélérer votre débit, parce que c'est lent", "step:mes-informations", "faster"),
    ("oui, puisque je vous le dis", "oui-non", "yes"),
    # how to talk to the guide is help (not « comment ? », repeat); « pouvez-vous parler » stays the voice
    ("comment je dois vous parler ?", "step:saisir-code", "help"),
    ("dites-moi comment on vous parle", "step:saisir-code", "help"),
    ("pouvez-vous parler plus fort", "step:message-rediger", "louder"),
    # « pas de mail » after a verb negated already negates the mail; « rien de rien » negates no « Ameli »
    ("y a rien qui arrive, pas de mail", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("toujours pas de courriel de la sécu, rien de rien", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    # « ché pu », « je sais pu »: I no longer know (« j'ai pu » stays « pouvoir »)
    ("ché pu où j'ai mis mon code", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("j'ai pu le taper, on continue", "step:saisir-code", "next"),
])
def test_found_before_the_twenty_second_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-second batch's single run showed three sentences for someone else that moved the guide: « avant »
    # opening a sentence before its subject is « formerly »; « d'après toi » is « in your opinion »; « passer par »
    # is a way through (none of them the step after or before)
    ("avant on habitait à Lille, c'était plus simple", "step:demande-code-postal", "none"),
    ("je mets lequel, d'après toi ?", "step:demande-nom", "none"),
    ("le docteur m'a dit de passer par le site", "step:page-accueil", "none"),
    ("l'étape d'après", "step:saisir-code", "next"),
    # its tuning half: time gone by (« ça fait dix minutes ») and what went on during it (« que j'attends ») ask
    # no pause; an expression written with a bare « e » (« oublie ça ») is no participle (« je l'ai oublié, ça… »)
    ("ça fait dix minutes, toujours pas de mail", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("je l'ai oublié, ça fait des années", "step:avez-vous-un-code", "?goto:oubli-lien"),
    ("oubliez ça", "oui-non", "no"),
    # « pourquoi » asks about a choice (its details), it does not choose it; what is not known (« je sais pas ce
    # que j'ai fait ») reports nothing; « ch'sais » is « je sais »
    ("pourquoi ils demandent un code ?", "step:code-confirmation", "details"),
    ("je sais pas ce que j'ai fait, reviens en arrière", "step:demande-nom", "previous"),
    # what the speaker waits for is said, not a pause asked (« attends un peu » still is; « j'attends un bébé »)
    ("j'attends la lettre, on arrête pour aujourd'hui", "step:oubli-courrier-attente", "quit"),
    ("attends un peu", "step:saisir-code", "pause"),
    ("j'attends un bébé", "step:objet-message", "goto:objet-maternite"),
    # « dis voir » only opens the question; « c'est plus fort que moi » is no voice setting
    ("dis voir, on en est où ?", "step:demande-nom", "where"),
    ("c'est plus fort que moi, je râle tout le temps", "step:demande-page", "none"),
    ("parle plus fort que la télé", "step:saisir-code", "louder"),
])
def test_found_by_the_twenty_second_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # from the tuning halves, before the twenty-third batch's run: a « c'est … » after the speaker's request to go
    # to a part is its reason (not when the part is only the subject of the remark)
    ("je veux me déconnecter, c'est l'ordinateur de la mairie", "step:borne-medecin", "goto:deconnexion"),
    ("toutes ces démarches, c'est la croix et la bannière", "step:mes-demarches", "none"),
    # what one wants to know (« savoir si on m'a remboursé ») is no report in the past; an action still is
    ("je veux savoir si on m'a remboursé mes lunettes", "step:messages", "goto:mes-paiements"),
    ("voir si la sécu m'a écrit", "menu", "goto:messages"),   # what others wrote: a message (after the 33rd run)
    # « ce qui m'intéresse, c'est … », « ce que je veux, c'est … » only announce the request
    ("ce que je veux, c'est écrire à la caisse", "step:page-accueil", "goto:ecrire-message"),
    # a « non » that corrects the guide before « c'est … » and a request (not at a question)
    ("non, c'est trop, remettez comme d'habitude", "step:mes-paiements", "normal"),
    ("non, c'est bon, je reste", "oui-non", "?no"),
])
def test_found_before_the_twenty_third_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-third batch's tuning half, after its single run: « chut » before a request only opens it;
    # « un coup » is « once » (« un coup de main » is still help), « chef » said to the guide
    ("chut, moins fort", "step:objet-invalidite", "softer"),
    ("répète un coup, chef", "step:premiere-connexion", "repeat"),
    ("un coup de main, s'il vous plaît", "step:saisir-code", "help"),
    # what they sent or answered is a message; never having created an account is having none
    ("je veux lire ce qu'on m'a répondu", "menu", "goto:messages"),
    ("comment je lis ce que la caisse m'a envoyé ?", "step:page-accueil", "goto:messages"),
    ("j'ai jamais créé de compte", "step:ecran-connexion", "goto:pas-de-code-lien"),
    # what a thing is, said after the speaker's request to leave for a part, is its reason (the guide asks)
    ("je voudrais me déconnecter, le portable est à ma fille", "step:message-envoyer", "?goto:deconnexion"),
    # how long something lasted (« j'ai décroché deux minutes ») asks no pause; « attends deux minutes » does
    ("j'ai décroché deux minutes, c'est quelle étape ?", "step:confirmation-pas-recu", "where"),
    ("attends deux minutes", "step:saisir-code", "pause"),
])
def test_found_by_the_twenty_third_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # from the tuning halves, before the twenty-fourth batch's run: where to look (« pas loin de chez moi », « dans
    # mon quartier ») only makes the part precise; to check a part (« vérifier mes remboursements ») is to go to it
    ("je cherche un docteur pas loin de chez moi", "step:page-accueil", "goto:borne-medecin"),
    ("trouver une borne dans mon quartier", "menu", "goto:borne-medecin"),
    ("je veux vérifier mes remboursements", "step:deconnexion", "goto:mes-paiements"),
    ("tu peux vérifier pour moi ?", "step:demande-suivant", "none"),
])
def test_found_before_the_twenty_fourth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-fourth batch's tuning half, after its single run: what someone else will do with it (« mon fils
    # le lira ») is the reason for a choice; « prochain » after a day or a month is a date, not the next step
    ("par mail, mon fils le lira", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("samedi prochain je vais chez ma fille", "step:mes-paiements", "none"),
    ("la prochaine", "step:saisir-code", "next"),
    # « pour te parler » is help, not an aim cut off the sentence; « wi »
    ("comment on fait pour vous parler ?", "step:les-categories", "help"),
    ("wi wi", "oui-non", "yes"),
])
def test_found_by_the_twenty_fourth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-fifth batch's tuning half, after its single run: what a step or a choice is, asked (« c'est quoi
    # l'étape qu'on fait », « c'est quoi ce code de confirmation »); the start of the step is no restart
    ("c'est quoi l'étape qu'on fait ?", "step:oubli-courrier-valider", "where"),
    ("c'est quoi ce code de confirmation ?", "step:code-confirmation", "details"),
    ("redis-moi depuis le début de l'étape", "step:confirmation-boite-mail", "repeat"),
    # what the speaker was doing (« en train de »), how (« sans rien dire »): no request; « sans moi » stays unsure
    ("j'étais en train de chercher mes lunettes, vous pouvez répéter ?", "step:saisir-code", "repeat"),
    ("j'ai tout tapé sans rien dire, on continue", "step:saisir-code", "next"),
    ("continue sans moi", "step:saisir-code", "none"),
    # « approfondir », « mieux comprendre »; a setting said in other words beside « doucement »; someone who sleeps
    ("je voudrais mieux comprendre, vous pouvez approfondir ?", "step:objet-resilier", "details"),
    ("doucement, prenez votre temps", "step:objet-maternite", "slower"),
    ("plus bas, mon mari dort", "step:objet-paternite", "softer"),
    ("pousse le son un peu", "step:oubli-courrier", "louder"),
    ("pousse-toi de là", "step:oubli-courrier", "none"),
    # changing one's address is in one's information; a borne near home; « rien de tel » (not « rien de tel que »)
    ("je veux changer mon adresse", "step:borne-medecin", "goto:mes-informations"),
    ("y a une borne Ameli près de chez moi ?", "step:messages", "goto:borne-medecin"),
    ("rien de tel", "step:code-confirmation", "no"),
    ("rien de tel qu'un bon café", "step:code-confirmation", "none"),
    # going on from where one stopped; to hear a part again is to go to it (not to the step being read)
    ("on continue là où on s'était arrêtés", "step:objet-invalidite", "resume"),
    ("tu peux me refaire la présentation du guide ?", "step:demande-page", "goto:bienvenue"),
    ("comment on se déconnecte déjà ? redis-le-moi", "step:deconnexion", "repeat"),
    # a voice setting keeps its reason at a yes/no question too; a remark of its own may be one
    ("redis encore, j'ai pas bien attrapé", "step:deconnexion", "repeat"),
    ("parlez moins vite, je suis plus tout jeune", "step:avez-vous-un-code", "slower"),
    ("parlez plus lentement, le français c'est pas ma langue", "step:oubli-choix-envoi", "slower"),
])
def test_found_by_the_twenty_fifth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-sixth batch's tuning half, after its single run: said only to a person (« sans moi », « je te
    # rappelle »), the guide never acts (« Continue sans moi, je te rejoins au marché. » moved it to the next step)
    ("continue sans moi, je te rejoins au café", "step:deconnexion", "?next"),
    ("je te rappelle dans une heure", "step:saisir-code", "none"),
    # « encore une fois » is a request of its own, with its reason; « attendez » before a question only opens it
    ("encore une fois, le téléphone a sonné", "step:demande-ensuite", "repeat"),
    ("une fois de plus, s'il vous plaît", "step:saisir-code", "repeat"),
    ("attendez, comment je lis mes messages ?", "step:fin", "goto:messages"),
])
def test_found_by_the_twenty_sixth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the twenty-seventh batch's tuning half, after its single run: « next », « c'est good »; why a choice's thing is
    # asked (not « pourquoi pas », which takes it); « vous me dites ? » only asks; what was reimbursed
    ("c'est good, next", "step:demande-naissance", "next"),
    ("pourquoi ils me demandent un code ? j'aimerais comprendre", "step:code-confirmation", "details"),
    ("pourquoi pas par mail", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("je sais plus où on est rendu, vous me dites ?", "step:oubli-courrier", "where"),
    ("je veux savoir si on m'a remboursé mes lunettes", "step:page-accueil", "goto:mes-paiements"),
])
def test_found_by_the_twenty_seventh_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_another_command_the_step_names_asked_of_the_guide_is_no_report_of_the_step() -> None:
    """The step says « vous pouvez aussi arrêter le guide »: « c'est bon, tu peux t'arrêter » does not only
    say the step is done (it went to the next step); a report with the step's own words still does."""
    assert not meant("c'est bon, tu peux t'arrêter là, merci", "step:oubli-email-boite").startswith("next")
    assert meant("c'est bon, j'ai trouvé le message", "step:oubli-email-boite") == "next"


def test_circumstances_and_descriptions_ask_for_nothing() -> None:
    """« en attendant le code », « le voisin qui passe »: when and what a thing does, not a request; « je la
    loupe » is still the verb (« la » is its object)."""
    assert MATCHER.analyzer.analyse("en attendant le code").readings() == {"code"}
    assert "passer" not in MATCHER.analyzer.analyse("y a le voisin qui passe, attendez").readings()
    assert "!entendre" in MATCHER.analyzer.analyse("je la loupe à chaque fois").readings()
    assert "!entendre" not in MATCHER.analyzer.analyse("où est la loupe").readings()
    assert folded_words("ché pas") == ("je", "sais", "pas") and folded_words("ché moi") == ("che", "moi")


def test_a_negated_clause_with_its_pronoun_does_not_negate_what_follows_a_preposition() -> None:
    """« moi, le mail, j'en ai pas. Sur papier. » went to the e-mail: « pas sur papier » was read."""
    assert "note" in MATCHER.analyzer.analyse("le mail, j'en ai pas, sur papier").readings()
    assert "!mail" in MATCHER.analyzer.analyse("je n'en ai pas, de mail").readings()   # « de »: the same thing
    assert meant("moi, le mail, j'en ai pas. sur papier", "step:oubli-choix-envoi") != "goto:oubli-email"


def test_a_verb_done_by_someone_else_describes_the_thing_before_it() -> None:
    """« les messages qu'ils m'ont envoyés » are the messages to read: no request to send one."""
    analysis = MATCHER.analyzer.analyse("je voudrais lire les messages qu'ils m'ont envoyés")
    assert "envoyer" not in analysis.readings()
    assert "perdu" in MATCHER.analyzer.analyse("le code que j'ai oublié").readings()   # the speaker's own
    assert meant("je veux voir les messages qu'ils m'ont envoyés", "step:page-accueil") == "goto:messages"


def test_when_something_else_happens_says_when_not_what() -> None:
    """« … quand j'aurai la lettre »: the words after weigh almost nothing (not « c'est quand que … »)."""
    later = MATCHER.analyzer.analyse("je préfère une lettre, ma fille me la lira quand elle passera")
    assert all(t.weight <= 0.1 for t in later.tokens if t.start >= 9)
    question = MATCHER.analyzer.analyse("c'est quand que je tape le code")
    assert all(t.weight > 0.1 for t in question.tokens if t.readings[0] != "quand")


def test_the_future_of_verbs_in_re_and_ir_is_read_from_the_infinitive() -> None:
    forms = MATCHER.lexicon.forms
    assert forms["lirai"] == forms["liras"] == forms["lirions"] == "lire"
    assert forms["attendrai"] == "attendre" and forms["viendrai"] == "venir"


def test_spoken_contractions_are_spelt_out() -> None:
    assert folded_words("chuis perdu") == ("je", "suis", "perdu")
    assert folded_words("ch'est fini") == ("ce", "est", "fini")
    assert folded_words("ch'uis r'venu") == ("je", "suis", "revenu")
    assert folded_words("chépa") == ("je", "sais", "pas")
    assert folded_words("le r'") == ("le", "r")


def test_what_only_speaks_again_is_done_not_asked() -> None:
    """Cheap commands are not confirmed (DESIGN.md): asking « Voulez-vous dire … ? » costs as much as reading
    the step or its details again. What moves, the help and a voice setting (which stays) are still asked."""
    assert meant("Les indemnités, concrètement, ça veut dire quoi ?", "step:objet-indemnites") == "details"
    assert meant("je ne vois pas où il faut le taper", "step:saisir-code") == "details"
    assert meant("Euh non, recule un peu, j'ai loupé le truc d'avant.", "step:demande-naissance") == "?previous"
    assert meant("Monique, parle plus fort, on t'entend pas.", "step:page-accueil") == "?louder"
    assert meant("Mon grand, viens m'aider, j'y vois rien.", "step:messages") == "?help"


@pytest.mark.parametrize("text, context", [
    ("Bon, et ensuite, comment je me déconnecte ?", "step:message-envoyer"),
    ("C'est fait, comment on se déconnecte maintenant ?", "step:mes-informations"),
])
def test_how_to_do_a_part_asked_after_a_lead_is_that_part(text: str, context: str) -> None:
    """« et après », « j'ai fini » before « comment je … » only lead to the question: the part is asked, not the
    next step."""
    assert meant(text, context) == "goto:deconnexion"
    assert meant("Jeannot, comment ça s'écrit, déconnexion ?", "step:message-rediger") != "goto:deconnexion"


@pytest.mark.parametrize("text, context, expected", [
    # found by the twenty-eighth batch's tuning half: each was asked or not understood
    ("Conduisez-moi à mes paiements, s'il vous plaît.", "step:page-accueil", "goto:mes-paiements"),
    ("J'aimerais en savoir un peu plus sur ce qu'ils demandent.", "step:demande-ensuite", "details"),
    ("Emmène le chien dehors, il pleure.", "step:messages", "none"),   # taking someone else somewhere: no part
])
def test_found_by_the_twenty_eighth_run(text: str, context: str, expected: str) -> None:
    assert meant(text, context) == expected


def test_the_present_of_a_verb_in_eer_is_no_participle() -> None:
    """« il faut que je crée mon compte » asks to create it; « j'ai créé mon compte » reports it."""
    assert "perfect" not in MATCHER.analyzer.analyse("il faut que je crée mon compte").features
    assert "perfect" in MATCHER.analyzer.analyse("j'ai créé mon compte").features
    assert "perfect" in MATCHER.analyzer.analyse("la page est créée").features


@pytest.mark.parametrize("text, context, expected", [
    # found by the twenty-ninth batch's tuning half, run once: the first two moved the guide
    ("Tu crois que je choisis la lettre ou l'e-mail, toi ?", "step:oubli-choix-envoi", "?goto:oubli-email"),
    ("Tu te souviens si on m'a envoyé un code ?", "step:avez-vous-un-code", "?yes"),
    ("Vous pouvez débiter un peu plus vite ?", "step:les-categories", "faster"),
    ("Ils ont répondu ? Je voudrais regarder dans la messagerie.", "step:mes-paiements", "goto:messages"),
    ("Regarde le chat, il dort sur le clavier.", "step:messages", "none"),
])
def test_found_by_the_twenty_ninth_run(text: str, context: str, expected: str) -> None:
    """Someone else's opinion or memory asked (« tu crois que », « tu te rappelles si ») is asked about, never acted
    on, even as a yes at the step's question; « regarder » beside a part goes there; « débiter » is speaking."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the tuning halves of batches 28 and 29, before the thirtieth batch's run
    ("Attendez, qu'est-ce qu'il faut que je fasse ?", "step:saisir-code", "help"),
    ("Attendez, qu'est-ce que c'est que ce bruit ?", "step:saisir-code", "pause"),   # not what to do: a pause
    ("Qu'est-ce que je réponds pendant que tu lis la liste ?", "menu", "help"),
    ("Ne me parle pas pendant que je tape, Kevin.", "step:saisir-code", "none"),
    ("Répète a moin, mi la pa compris.", "step:ecrire-message", "repeat"),
    ("Vous pouvez relire le passage sur le code ?", "step:saisir-code", "repeat"),
    ("Je n'en reviens pas, elle a gagné au loto.", "step:messages", "none"),
    ("je reviens", "pause:saisir-code", "resume"),
    ("Vivement dimanche.", "step:fin", "none"),
    ("Je voudrais voir mes virements.", "step:page-accueil", "goto:mes-paiements"),
])
def test_found_before_the_thirtieth_run(text: str, context: str, expected: str) -> None:
    """An « attendez » that opens a question of what to do asks it; « pendant que vous lisez » says when; the
    Creole « moin » and the Picard « rin », « pus »; « je n'en reviens pas » is surprise, no return."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirtieth batch's tuning half, run once: the first three moved the guide
    ("C'était plus simple avant, on allait au guichet.", "step:objet-remboursement", "none"),
    ("c'était quoi avant ?", "step:objet-remboursement", "previous"),   # asked: still the step before
    ("Entrez, entrez, je finis juste un truc sur l'ordinateur.", "step:bienvenue", "none"),
    ("je finis de taper et on continue", "step:saisir-code", "next"),
    ("Tu peux me redire ton message ?", "pause:saisir-code", "repeat"),   # what was said, not « mes messages »
    ("Tu conduis plus vite que moi, toi.", "step:oubli-email", "none"),   # compared, not asked
    ("plus vite que la dernière fois", "step:oubli-email", "faster"),
    ("plus fort que ça", "step:oubli-email", "louder"),
    ("plus fort que la radio s'il te plaît", "step:oubli-email", "louder"),   # what drowns the voice: a wish
    ("Où on en est exactement ?", "step:code-confirmation", "where"),   # no « oui » at the step's question
    ("oui exactement", "step:code-confirmation", "yes"),
    ("Au fait, comment on fait quand on a perdu son code ?", "step:mes-paiements", "goto:oubli-lien"),
    ("je continuerai quand j'aurai la lettre", "step:saisir-code", "none"),
    ("J'ai déménagé, je dois mettre à jour mes infos.", "step:page-accueil", "goto:mes-informations"),
    ("Vous pouvez vous remettre à parler.", "pause:messages", "resume"),
    ("Yes.", "step:avez-vous-un-code", "yes"),
    ("On arrête, je suis tannée.", "step:saisir-code", "quit"),
    # and in older tuning halves, in the same round: « doucement » is slower or softer, as the sentence says
    ("Doucement, je n'arrive pas à suivre.", "step:saisir-code", "slower"),
    ("Doucement sur le son, s'il vous plaît.", "step:saisir-code", "softer"),
    ("plus doucement", "step:saisir-code", "?slower|softer"),
    ("Je ne suis pas inscrite, il faut que je crée mon compte.", "step:bienvenue", "goto:pas-de-code-lien"),
    ("Zut, je ne me suis pas encore déconnecté, comment on fait ?", "step:fin", "goto:deconnexion"),
    ("je ne veux pas me déconnecter, comment on fait pour continuer ?", "step:fin", "next"),
    ("je me suis pas déconnectée", "step:fin", "none"),
])
def test_found_by_the_thirtieth_run(text: str, context: str, expected: str) -> None:
    """« c'était mieux avant » is formerly; « je finis un truc » is busy, not done; « ton message » is what was
    said; « plus vite que moi » compares; « exactement » in a question asks precisely; after « comment on fait »,
    the « quand » clause is what is asked; « doucement » is the pace or the sound the sentence speaks of; not
    being registered is having no account; a part not done yet, and how asked, is that part."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-first batch's tuning half, run once
    ("J'ai fini, je voudrais me déconnecter.", "step:message-envoyer", "goto:deconnexion"),
    ("Je veux juste lire mes messages, c'est tout.", "step:page-accueil", "goto:messages"),
    ("C'est fini, vous pouvez revenir.", "pause:saisir-code", "resume"),   # in a pause, done ends it
    ("c'est fait", "step:saisir-code", "next"),
    ("Doucement, on n'est pas pressés.", "step:saisir-code", "slower"),
    ("Dites, on en est où ?", "step:saisir-code", "where"),
    ("dites-moi où on est", "step:saisir-code", "where"),
    ("La suite au prochain épisode !", "step:saisir-code", "none"),
    ("je fais quoi après ?", "step:saisir-code", "next"),
])
def test_found_by_the_thirty_first_run(text: str, context: str, expected: str) -> None:
    """Done, said beside another request, is its reason (« j'ai fini, je veux me déconnecter », « …, c'est
    tout »), but ends a pause; « pas pressés » is the pace; a « dites » that opens a question calls; « la suite
    au prochain épisode » is a saying."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-second batch's tuning half, run once
    ("Il est fort, ce thé !", "step:page-accueil", "none"),   # said of the tea, its subject after
    ("elle parle trop fort cette voix", "step:page-accueil", "softer"),
    ("C'est trop compliqué pour moi, j'arrête.", "step:saisir-code", "quit"),
    ("c'est compliqué", "step:objet-resilier", "details"),
    ("Attendez, y a quelqu'un à la porte, je reviens tout de suite.", "step:saisir-code", "pause"),
    ("vas-y mollo", "step:saisir-code", "slower"),
    ("Faudrait y aller plus doucement sur la vitesse.", "step:mes-demarches", "slower"),   # how to go, nobody leaves
    ("je dois y aller", "step:saisir-code", "quit"),
])
def test_found_by_the_thirty_second_run(text: str, context: str, expected: str) -> None:
    """A setting word said of a thing named after it is no setting; « c'est compliqué » beside a request is its
    reason; « y a … » is a clause of its own (« il y a »); « je reviens tout de suite » asks a pause; « y aller »
    before a setting is no leaving."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-third batch's tuning half, run once: the first moved the guide
    ("Au suivant, c'est toi, après moi tu feras le tien.", "step:ouvrir-ameli", "?next"),   # a person named next
    ("suivant", "step:ouvrir-ameli", "next"),
    ("Bon, on peut passer à la prochaine.", "step:demande-page", "next"),
    ("à la prochaine", "step:messages", "quit"),
    ("Tu peux me lister les sections ?", "step:messages", "menu"),
])
def test_found_by_the_thirty_third_run(text: str, context: str, expected: str) -> None:
    """What one points out to a person (« le suivant, c'est toi », « le tien ») is asked about, never acted on;
    « passer à la prochaine » is the next step, « à la prochaine » alone a goodbye; the guide's sections."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the rest of the thirty-third batch's tuning half
    ("Je me suis endormie cinq minutes, on en est où ?", "step:mes-paiements", "where"),   # a nap told, no pause
    ("je me suis absentée deux minutes", "step:saisir-code", "none"),
    ("attendez cinq minutes", "step:saisir-code", "pause"),
    ("Oh pardon, je suis perdue, on est où ?", "step:messages", "where"),   # an apology, no « pardon ? »
    ("pardon ?", "step:saisir-code", "repeat"),
    ("c koi l'etape la", "step:demande-suivant", "where"),   # typed as a text message
    ("jsp koi faire", "step:saisir-code", "help"),
    ("C'est pour la complémentaire gratuite.", "step:objet-message", "goto:objet-cmuc"),
    ("Va dans la messagerie, la caisse m'a écrit.", "step:mes-paiements", "goto:messages"),   # no step done
    ("Y a marqué qu'on m'a envoyé un code par mail.", "step:code-confirmation", "yes"),   # still the answer
    ("Répète ? Mi la pa bien antann.", "step:deconnexion", "repeat"),   # the « pa » of the speaker's own clause
])
def test_found_by_the_thirty_third_run_again(text: str, context: str, expected: str) -> None:
    """A time told of a nap (« je me suis endormie cinq minutes ») asks no pause; « oh pardon » is an apology;
    words typed as a text message; what others wrote to the speaker is a message, not a step done; a negation
    does not reach back over the speaker's own « je »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-fourth batch's tuning half, run once: the first three moved the guide
    ("Recule un peu, tu me gênes pour le clavier.", "step:confirmation-taper", "?previous"),   # said to a person
    ("je suis en train d'écrire", "step:ecrire-message", "none"),   # busy, nothing done yet
    ("C'est bon, tu peux revenir, j'ai fini avec l'ordinateur.", "step:fin", "?next"),   # a person called back
    ("tu peux revenir en arrière", "step:saisir-code", "previous"),
    ("Euh tu peux revenir à l'étape du nom ?", "step:demande-numero", "previous"),
    ("tu peux reculer", "step:saisir-code", "previous"),
    ("j'ai écrit mon message", "step:ecrire-message", "next"),
    ("Revenez une étape en arrière, je suis passé trop vite.", "step:mes-informations", "previous"),
    ("c'est trop vite", "step:saisir-code", "slower"),
    ("c bon jlai mis", "step:saisir-numero", "next"),   # typed as a text message
    ("c m u c", "step:objet-message", "goto:objet-cmuc"),   # initials, no « c'est »
    ("jveu arreter", "step:objet-remboursement", "quit"),
    ("Mon petit-fils m'a aidé, c'est bon.", "step:oubli-numero", "?next"),   # help had, none asked
    ("aidez-moi", "step:saisir-code", "help"),
    ("Oui oui, on arrête, je suis fatiguée.", "oui-non", "yes"),   # a yes with its reason
    ("Ouin, c'est correct, ferme ça.", "oui-non", "yes"),
    ("Le match reprend, viens voir.", "pause:saisir-code", "none"),   # said of a thing
    ("Ça me reprend, ce mal de dos.", "pause:saisir-code", "none"),
    ("Voilà, la lettre est là, on reprend.", "pause:saisir-code", "resume"),
    ("reprend la lecture", "pause:saisir-code", "resume"),
    ("Noch emol, s'il vous plaît.", "step:borne-medecin", "repeat"),
])
def test_found_by_the_thirty_fourth_run(text: str, context: str, expected: str) -> None:
    """What one says only to a person (« tu me gênes », « tu peux revenir » with nothing after) is asked about;
    « en train de » is no perfect; a pace said of what the speaker did is no setting; « c » before a word is « c'est »
    in a text message; help had is none asked; a « oui » at the quit question may come with its reason; « reprend »
    said of a thing resumes nothing; the Alsatian « noch emol »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by older tuning halves (the thirtieth and thirty-first), after the thirty-fourth run
    ("où on en est ? j'ai perdu le fil.", "step:code-confirmation", "where"),   # at a yes/no step too
    ("Pourquoi ils me demandent encore un code ? Expliquez un peu plus.", "step:code-confirmation", "details"),
    ("je suis perdue", "step:code-confirmation", "help"),
    ("Attendez, mon ordi redémarre, ne bougez pas.", "step:ouvrir-ameli", "pause"),   # said of the computer
    ("recommence", "step:saisir-code", "restart"),
    ("non attendez j'ai pas encore coché l'option revenez en arrière", "step:oubli-email-valider", "previous"),
    ("Non non, pas me déconnecter, retourne à l'étape d'avant.", "step:deconnexion", "?previous"),
])
def test_found_by_older_tuning_halves_after_the_thirty_fourth_run(text: str, context: str, expected: str) -> None:
    """What only speaks again keeps its reason at a yes/no step (a reason there is no answer to it); « redémarre »
    said of a thing asks nothing; what is refused after a leading « non » comes with it."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the thirty-fifth batch's held-out move, fixed after its run by a rule of its own kind (the guide presses no key)
    ("Tu vois la petite case, là ? T'appuies sur Espace, c'est tout.", "step:oubli-email", "?next"),
    ("tu tapes ton code, c'est bon", "step:saisir-code", "?next"),   # told to a grandson
    ("j'appuie sur entrée, c'est bon", "step:saisir-code", "next"),
    # found by its tuning half
    ("c bon jai fini jquitte", "step:message-envoyer", "quit"),   # « j » before a consonant is « je »
    ("jveux revenir", "step:saisir-code", "previous"),
    ("Ch'est bon, j'ai intindu la liste, on avanche.", "step:les-categories", "next"),   # Picard
    ("Je vais fermer le guide, je reviendrai demain si Dieu veut.", "step:confirmation-pas-recu", "quit"),
    ("La première réponse, c'est la bonne.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("Moins vite, moins vite, j'ai pas le temps d'écouter.", "step:ecran-connexion", "slower"),   # no « réécouter »
    ("écoute", "oui-non", "none"),   # a call for attention, no yes
    ("j'ai pas écouté", "step:saisir-code", "repeat"),
    ("je veux réécouter", "step:saisir-code", "repeat"),
])
def test_found_by_the_thirty_fifth_run(text: str, context: str, expected: str) -> None:
    """What someone else is told to do on the page (« t'appuies sur Espace ») is asked about, never acted on; typed
    « j » before a consonant is « je »; « écouter » is no « réécouter » misspelt; « si Dieu veut », « c'est la
    bonne » ask nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-fifth batch's tuning half, before the thirty-sixth run
    ("Laissez, je veux juste fermer ma session, mon fils va prendre l'ordi.", "step:objet-message", "goto:deconnexion"),
    ("fermer le guide", "step:mes-paiements", "quit"),
    ("J'ai fait Entrée sur le lien, la page pour demander un code vient de s'ouvrir.", "step:pas-de-code-lien", "next"),
    ("comment je fais pour me déconnecter", "step:saisir-code", "goto:deconnexion"),   # how, asked: still the part
])
def test_found_before_the_thirty_sixth_run(text: str, context: str, expected: str) -> None:
    """« fermer ma session » is logging out, not leaving the guide; « j'ai fait … pour … » reports a step done, it asks
    no way to do the aim."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-sixth batch's tuning half, run once
    ("Ouh là, c'est trop fort, baissez un peu votre voix.", "step:confirmation-boite-mail", "softer"),   # « là, c'est »
    ("le café est trop fort", "step:saisir-code", "none"),
    ("Est-ce que j'ai reçu des messages de leur part ?", "step:ouvrir-rubriques", "goto:messages"),   # no « partir »
    ("Remettez votre voix comme au début, c'était très bien.", "step:avez-vous-un-code", "normal"),   # no « oui »
    ("Bah on va repartir du début, ch'est pu possible.", "step:avez-vous-un-code", "restart"),
    ("Faut tout reprendre à zéro, j'ai fermé la page sans faire exprès.", "step:oubli-email-valider", "restart"),
    ("j'ai fermé la page", "step:saisir-code", "none"),   # what happened, no leaving asked
    ("fermez le guide", "step:saisir-code", "quit"),
])
def test_found_by_the_thirty_sixth_run(text: str, context: str, expected: str) -> None:
    """« là, c'est trop fort » is said of the voice (« là » is no article); « de leur part » is no leaving; « c'était
    très bien » judges what was, it answers nothing; « repartir du début » starts again; leaving told in the perfect
    (« j'ai fermé la page ») asks nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-sixth and thirty-fifth batches' tuning halves, before the thirty-seventh run
    ("Répète voir, y avait la bouilloire qui sifflait.", "step:demande-ensuite", "repeat"),   # « y avait »: a clause
    ("euh euh attendez vous avez dit quoi avec les flèches", "step:oubli-courrier", "repeat"),
    ("t'as dit quoi pour le code", "step:saisir-code", "repeat"),
    ("qu'est-ce que je peux dire avec les flèches", "step:oubli-courrier", "help"),
    ("jcomprend pa ce ke je doi dire", "step:code-confirmation", "help"),
    ("Hé, j'ai le droit de dire quoi, à ce stade ?", "step:confirmation-taper", "help"),
    ("est-ce que j'ai le droit de me faire rembourser", "step:objet-message", "goto:objet-remboursement"),
    ("J'aimerais contrôler mes données personnelles, mon adresse et tout ça.", "step:les-categories",
     "goto:mes-informations"),
    ("Oh mais attendez, j'en avais un, de code, je l'ai juste oublié.", "step:demande-page", "goto:oubli-lien"),
    ("Oui oui, quatre renseignements, j'ai compris, allons-y.", "step:demande-page", "next"),
    ("Quatre renseignements, d'accord. Allez, on attaque.", "step:demande-page", "next"),
])
def test_found_before_the_thirty_seventh_run(text: str, context: str, expected: str) -> None:
    """« y avait … » is a clause of its own, a reason; « vous avez dit quoi » asks again what was said, whatever it
    was about; « le droit de » is a permission, no right; « oh mais attendez, … » only announces; what the step said,
    repeated with a « d'accord », is acknowledged before moving on."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-seventh batch's tuning half, run once
    ("Oh là, pas si vite, mon petit, je suis plus toute jeune.", "step:objet-accident-travail", "slower"),
    ("Le chauffage, faudra que je pense à le baisser", "step:mes-paiements", "none"),   # « le baisser »: a thing
    ("Ah non, un pas en arrière, j'avais pas fini.", "step:ouvrir-rubriques", "previous"),
    ("Attendez, je suis où dans le guide, là ? Dites-moi juste l'étape.", "step:avez-vous-un-code", "where"),
    ("Je voudrais aller dans un autre chapitre. Dites-moi lesquels y a.", "step:messages", "menu"),
    ("Recommencez le guide en entier, ma voisine est arrivée et elle veut l'écouter aussi.", "step:message-envoyer",
     "restart"),
    ("Tu peux me redire ça en entier ?", "step:oubli-choix-envoi", "repeat"),   # the same again, not from the start
    ("Attendez, vous m'avez demandé quoi, là ? Redites.", "step:code-confirmation", "repeat"),   # « là », no article
    ("ouais chui la, continue", "pause:borne-medecin", "resume"),   # « la » at the end: « là » typed
    ("je voudrais poser une question à la sécu", "step:page-accueil", "goto:ecrire-message"),
    ("je peux vous poser une question ?", "step:page-accueil", "none"),
])
def test_found_by_the_thirty_seventh_run(text: str, context: str, expected: str) -> None:
    """« là » is no article, typed with its accent or at the end of a clause (« oh là, pas si vite », « je suis la,
    reprends »); « ah non, » before going back refuses to go on; « attendez » at a question still only announces;
    « un autre chapitre » is the sommaire; « le guide en entier » starts again; a question put to the caisse is
    written to it."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-eighth batch's tuning half, run once, and by its unsealing
    ("Bon, d'accord, allons-y pour le premier renseignement.", "step:demande-page", "?goto:mes-informations"),
    ("retourner aux catégories", "step:mes-demarches", "goto:ouvrir-rubriques"),   # the move itself: no echo
    ("Je voudrais lire si la caisse m'a répondu.", "step:mes-demarches", "goto:messages"),
    ("je leur ai répondu", "step:mes-demarches", "none"),
    ("Comment je fais pour vous parler, moi ? Y a des mots spéciaux ?", "step:les-categories", "help"),
    ("je voudrais des explications supplémentaires sur cette étape", "step:demande-ensuite", "details"),
    ("attends je reviens tout de suite Marcel", "pause:saisir-code", "?pause"),   # « Marcel » is called, no epithet
    # someone called by name: the guide asks, and the nearest phrasings do not make it act
    ("Christian, parle moins fort, le petit dort.", "step:ouvrir-ameli", "?softer"),
    ("Répète ce que t'as dit, Josette, j'écoutais pas.", "step:mes-informations", "?repeat"),
    ("Monique, suivant", "step:ouvrir-ameli", "?next"),
    ("je vais chez Monique demain", "step:ouvrir-ameli", "none"),
    ("Non, awa.", "oui-non", "no"),   # « awa »: « non » in créole, no name
])
def test_found_by_the_thirty_eighth_run(text: str, context: str, expected: str) -> None:
    """Another part named only in the step's own words, beside a command of its own, is asked, not gone to; « la caisse
    m'a répondu » is a message come; an adjective the lexicon does not know, after a noun, weighs little; a first name
    called (lexicon « prénoms », none after an article or a preposition) is talk to someone of the house."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the thirty-ninth batch's two moves at its single run, one on each half, fixed by rules of their kind
    ("Si tu vois passer une lettre de la Sécu, tu me la lis, d'accord ?", "step:oubli-courrier-attente", "?yes"),
    ("si tu trouves mes lunettes, tu me les amènes", "step:saisir-code", "none"),
    ("si tu peux répéter", "step:oubli-courrier-attente", "repeat"),   # polite: to the guide
    ("si vous pouviez parler moins vite", "step:oubli-courrier-attente", "slower"),
    ("Tu te souviens, toi, si on m'avait envoyé un code l'an dernier ?", "step:avez-vous-un-code", "?yes"),
    ("on passe", "step:demande-suivant", "next"),
])
def test_found_by_the_thirty_ninth_run(text: str, context: str, expected: str) -> None:
    """« voir passer » is to notice, no step passed; a sentence that opens on « si tu … » with a verb other than
    « pouvoir » or « vouloir » is a condition of someone's own life, said to them; « tu te souviens, toi, si … »
    asks someone's memory, the « toi » between changes nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the thirty-ninth batch's tuning half, after its run
    ("Annulez tous ces changements de voix, parlez normalement.", "step:valider-connexion", "normal"),
    ("annulez les changements", "step:valider-connexion", "normal"),
    ("passons aux paiements", "step:mes-informations", "goto:mes-paiements"),
    ("on passe à la suite", "step:mes-informations", "next"),
])
def test_found_by_the_thirty_ninth_run_again(text: str, context: str, expected: str) -> None:
    """« annulez les changements » asks for the voice of the start; « passer aux paiements » goes to that part, as
    « revenir aux paiements » does."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fortieth batch's tuning half, after its run
    ("jentends rien, monte le volume", "step:message-rediger", "louder"),
    ("reviens a letape davant", "step:oubli-naissance", "previous"),
    ("jarrete le guide", "step:saisir-numero", "quit"),
    ("y a que dalle dans ma boîte", "step:oubli-email-boite", "none"),   # no « de aller » read into « dalle »
    ("Patiente, l'ordinateur plante, je te ferai signe.", "step:ouvrir-ameli", "pause"),
    ("Attendez, je vous dis quand c'est fait.", "step:ouvrir-ameli", "pause"),
    ("l'ordi rame", "step:ouvrir-ameli", "none"),
    ("Taisez-vous pour l'instant, je réfléchis.", "step:objet-message", "pause"),
    ("redonne-moi la liste des parties", "step:fin", "menu"),
    ("on recommence depuis le bonjour", "step:valider-connexion", "restart"),
    ("dis bonjour à la dame", "step:bienvenue", "none"),
])
def test_found_by_the_fortieth_run(text: str, context: str, expected: str) -> None:
    """An elided word typed glued to the next (« jentends », « letape », « davant ») is read as the two; « je vous
    dis quand c'est fait » asks to wait, and what follows it only says until when; « l'ordi rame » is a clause of its
    own, a reason; « pour l'instant » says when; « redonner » asks as « donner » does; the guide's « bonjour » is its
    start."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-first batch's tuning half, after its run (its one move first)
    ("Elles regardent toujours les informations à la télé.", "step:les-categories", "?goto:mes-informations"),
    ("ils repassent le film ce soir", "step:mes-paiements", "none"),
    ("on revient aux informations", "step:les-categories", "goto:mes-informations"),
    ("Comment on ferme la session ?", "step:mes-paiements", "goto:deconnexion"),
    ("Bon, on coupe le guide pour aujourd'hui.", "step:oubli-courrier-attente", "quit"),
    ("coupe le son de la télé, Michel", "step:oubli-email", "none"),
    ("Langsam, langsam, moins vite !", "step:premiere-connexion", "slower"),
])
def test_found_by_the_forty_first_run(text: str, context: str, expected: str) -> None:
    """A verb of movement whose subject is « il(s) », « elle(s) » tells what others do: beside the name of a part it
    is no move (« on revient aux informations » is one); « fermer la session » is to log out, said with its verb in
    any person; « couper le guide » is to leave; « langsam » (Alsace) is « lentement »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-second batch's tuning half, after its run
    ("c'est juste pour me connecter", "step:premiere-connexion", "goto:ecran-connexion"),
    ("C'est seulement pour voir ce qu'on m'a remboursé.", "step:bienvenue", "goto:mes-paiements"),
    ("c'est juste", "step:avez-vous-un-code", "yes"),
    ("on est à quel niveau ?", "step:oubli-email-boite", "where"),
    ("Il est plus fort que celui d'hier, ce café.", "step:ecrire-message", "none"),
    ("Elle est plus lente que la mienne, cette voiture.", "step:ecrire-message", "none"),
    ("parlez plus fort que ça", "step:ecrire-message", "louder"),
    # the re-read of the change: the « ce » of « c'est » names no thing (« il » is the guide)
    ("il est trop lent, c'est pénible", "step:mes-paiements", "faster"),
    ("elle est trop forte, c'est pénible", "step:mes-paiements", "softer"),
])
def test_found_by_the_forty_second_run(text: str, context: str, expected: str) -> None:
    """« juste », « seulement » just before a purpose go with it: « c'est juste pour … » is no « oui »; « à quel
    niveau » asks where; a setting said of « il »/« elle » whose subject is named further on by a demonstrative
    (« …, ce café-là ») is said of that thing, not of the voice."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the forty-third batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Si ça continue comme ça, je vais résilier mon abonnement au journal.", "step:objet-resilier", "none"),
    ("si ça recommence, j'appelle le plombier", "step:mes-paiements", "none"),
    ("si ça se trouve, il est parti", "step:mes-paiements", "none"),
    ("si c'est bon, on continue", "step:mes-paiements", "next"),
])
def test_found_by_the_forty_third_run(text: str, context: str, expected: str) -> None:
    """« si ça continue », « si ça recommence », « si ça se trouve »: a condition on what happens, a command's verb
    with « ça » for its subject, nothing asked of the guide."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-third batch's tuning half, after its run
    ("att pause 5 min", "step:objet-remboursement", "pause"),
    ("Attendez une minute, le téléphone sonne, je dois répondre.", "step:valider-connexion", "pause"),
    ("ça sonne, attendez", "step:mes-paiements", "pause"),
    ("on sonne à la porte", "step:mes-paiements", "none"),
    ("ah ben mince, le téléphone qui sonne encore", "step:oubli-email-valider", "none"),
])
def test_found_by_the_forty_third_run_again(text: str, context: str, expected: str) -> None:
    """« att » is « attends » typed short; « sonner » is a verb, so « le téléphone sonne » is a clause of its own, a
    reason to wait; « encore » after « qui » and its verb says « still », no repeat asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # left open since the thirty-sixth batch (« Tu reprends du thé, Monique ? »), met again at the forty-fourth's run
    ("Continue de lire ton livre, Marcel.", "pause:messages", "?resume"),
    ("Reprends du gâteau, Lucienne.", "pause:messages", "?resume"),
    ("on reprend", "pause:messages", "resume"),
    ("c'est bon, on peut reprendre", "pause:messages", "resume"),
])
def test_a_name_called_in_a_pause_is_asked_before_going_on(text: str, context: str, expected: str) -> None:
    """In a pause, going on moves nothing and is not asked about; with someone of the house called by name, it is:
    the sentence is likely theirs."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fortieth to forty-fourth batches' tuning halves
    ("bon, ça m'agace, arrêtez le guide", "step:mes-paiements", "quit"),
    ("j'attends ma lettre, tu peux arrêter le guide", "step:mes-paiements", "quit"),
    ("arrête deux minutes", "step:mes-paiements", "pause"),
    ("arrête un peu, je réfléchis", "step:mes-paiements", "pause"),
    ("refais-moi entendre la dernière phrase", "step:mes-paiements", "repeat"),
    ("on en était à quoi, déjà ?", "step:mes-paiements", "where"),
    ("Éteins-toi, je verrai ça lundi avec ma nièce.", "step:mes-paiements", "quit"),
    ("éteins la lumière en partant", "step:saisir-code", "?quit"),
])
def test_found_by_the_forty_fourth_run(text: str, context: str, expected: str) -> None:
    """The guide itself stopped (« arrêtez le guide ») is leaving, not a pause; « ça m'énerve » is the speaker's own
    reason; « refaites-moi entendre » asks again, « on en est à quoi » where one is; « je » after « vous » starts a
    clause (« éteignez-vous, je … ») and « ça » after a verb in the future is its object."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-fifth batch's tuning half, after its run
    ("Quittez, je vais attendre le facteur.", "step:mes-paiements", "quit"),
    ("On arrête, je te donne à manger après.", "step:mes-paiements", "?quit"),
    ("Magnez-vous un peu, on n'a pas toute la journée.", "step:mes-paiements", "faster"),
    ("ça grouille de monde au marché", "step:mes-paiements", "none"),
    ("Remettez le volume comme il était.", "step:mes-paiements", "normal"),
    ("On me l'a jamais donné, moi, de code.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("Je suis déjà sur mon compte, c'est seulement pour voir mes paiements.", "step:bienvenue", "goto:mes-paiements"),
    ("Allô ? Oui, c'est pour savoir si la voiture est prête.", "step:mes-paiements", "?yes"),
    ("Comment on ouvre les rubriques avec le bouton à trois traits ?", "step:messages", "?goto:ouvrir-rubriques"),
])
def test_found_by_the_forty_fifth_run(text: str, context: str, expected: str) -> None:
    """Leaving, what the speakers say of themselves is their reason, in a command's words too (« je vais attendre »);
    « grouillez-vous », « magne-toi » ask to go faster; « comme il était » is the voice of before; « moi » between a
    negated verb and « de code » keeps the code negated; what « c'est (juste) pour » names last is the part asked; a
    part of the guide named with what it speaks of (« le bouton à trois traits ») is that part."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-sixth batch's tuning half, after its run
    ("Répétez-moi ça depuis le début, j'ai rien suivi.", "step:demande-nom", "repeat"),
    ("Je veux tout réentendre depuis le début du guide.", "step:mes-paiements", "restart"),
    ("On recommence depuis le début.", "step:mes-paiements", "restart"),
    ("y a pas une borne Ameli près de chez moi ?", "step:mes-paiements", "goto:borne-medecin"),
    ("il n'y a pas de borne Ameli près de chez moi", "step:mes-paiements", "none"),
    ("Je veux changer d'adresse sur mon compte.", "step:mes-paiements", "goto:mes-informations"),
    ("J'aimerais poser une question à la caisse.", "step:mes-paiements", "goto:ecrire-message"),
])
def test_found_by_the_forty_sixth_run(text: str, context: str, expected: str) -> None:
    """« redites-moi … depuis le début » asks to hear again what was said from its start, not the guide afresh (« tout
    réentendre depuis le début » is); « y a pas une borne … ? » asks whether there is one; an address to change is
    in « mes informations », a question to ask the caisse is a message to write."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-seventh batch's tuning half, after its run
    ("Le loyer a encore augmenté, c'est une honte.", "step:mes-paiements", "none"),
    ("Le gasoil augmente encore, à ce qu'il paraît.", "step:mes-paiements", "none"),
    ("Augmentez encore un peu, s'il vous plaît.", "step:mes-paiements", "louder"),
    ("encore plus lentement", "step:mes-paiements", "slower"),
    ("baisse encore", "step:mes-paiements", "softer"),
    ("encore", "step:mes-paiements", "repeat"),
    ("Le bus est en retard, comme d'habitude.", "step:mes-paiements", "none"),
    ("Remettez la voix comme d'habitude, elle va trop vite.", "step:mes-paiements", "normal"),
    ("On arrête là, je vous rappellerai demain.", "step:mes-paiements", "quit"),
])
def test_found_by_the_forty_seventh_run(text: str, context: str, expected: str) -> None:
    """A verb of degree told of a thing (« le loyer a encore augmenté », « le gasoil augmente ») asks nothing of the
    voice; « encore » beside a setting is more of it, not « répéter »; « comme d'habitude » after a clause of its
    own is « as usual » (the voice as usual is asked about, not set); leaving, what the speaker will do is a reason
    (« je vous rappellerai »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("attends, cet ordinateur me rend fou", "step:mes-paiements", "pause"),
    ("attends, ce téléphone me rend fou", "step:mes-paiements", "pause"),
])
def test_cet_is_a_determiner_like_ce(text: str, context: str, expected: str) -> None:
    """« cet ordinateur me rend fou » is a clause of its own, someone else's reason, as « ce téléphone … » is."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the forty-ninth batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Allô ? Oui, c'est moi. Non, je suis en train de faire mes papiers sur internet.", "step:oubli-choix-envoi", "none"),
    ("Allô ? Non, maman, je fais mes papiers par courrier, je te rappelle.", "step:oubli-choix-envoi", "none"),
    ("par mail, non pardon, par courrier", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("plus vite, non pardon, plus lentement", "step:mes-paiements", "slower"),
])
def test_found_by_the_forty_ninth_run(text: str, context: str, expected: str) -> None:
    """« allô » opens a line said on the telephone, to someone else; its « non » corrects nothing (the correction
    took what followed it as the request, and « par internet » negated chose the letter)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-ninth batch's tuning half, after its run
    ("jsai pa quoi faire, aide moi", "step:mes-paiements", "help"),
    ("je sai pas", "step:mes-paiements", "none"),
])
def test_found_by_the_forty_ninth_run_again(text: str, context: str, expected: str) -> None:
    """« je sai », typed without its « s », is « je sais »: « je sai pas quoi dire » is asked, and the « pas » stays
    with it instead of landing on the « aide » after."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-eighth and forty-ninth batches' tuning halves
    ("Mais j'ai toujours pas le mail, moi !", "step:confirmation-taper", "goto:confirmation-pas-recu"),
    ("Le mail est toujours pas arrivé, moi, j'ai pas de code à taper.", "step:confirmation-taper",
     "goto:confirmation-pas-recu"),
    ("je n'ai pas reçu le code", "step:confirmation-taper", "goto:confirmation-pas-recu"),
    ("Non attends, je suis pas encore allé voir mes mails, recule.", "step:confirmation-taper", "previous"),
    ("Non attendez, on retourne à l'étape précédente, je l'ai pas encore ce mail.", "step:confirmation-taper", "previous"),
    ("c'est bon, j'ai tapé le code", "step:confirmation-taper", "next"),
    ("Retourner à l'accueil.", "menu", "goto:page-accueil"),
])
def test_the_mail_still_missing_when_the_code_is_to_be_typed(text: str, context: str, expected: str) -> None:
    """At « taper le code » the message may still not have come: that is the step for it, as at the step before.
    Going back, what is not done yet is the step before named (« je l'ai pas encore ce mail »), and a step's choice
    is ahead of it, no place one goes back to (« recule »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the fiftieth batch's move at its single run, on its tuning half
    ("Le précédent maire, il avait promis la même chose pour la piscine.", "step:les-categories", "none"),
    ("la précédente voisine était bien plus gentille", "step:les-categories", "none"),
    ("la prochaine étape", "step:les-categories", "next"),
    ("la partie précédente", "step:les-categories", "previous"),
    ("le suivant, merci", "step:les-categories", "next"),
    ("Hopla, c'est ouvert, on passe à la suivante, gell ?", "step:mes-informations", "next"),
])
def test_found_by_the_fiftieth_run(text: str, context: str, expected: str) -> None:
    """« précédent », « suivant », « prochain » between a determiner and a noun the guide never uses, with more said
    after, are said of that noun (« le précédent maire ») and name no step."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fiftieth and fifty-first batches' tuning halves
    ("Il me dit que c'est pas le bon code... je crois bien que je l'ai oublié.", "step:valider-connexion",
     "goto:oubli-lien"),
    ("Ça me dit que le code est faux. Je crois que j'ai oublié le bon, faut m'en refaire un.", "step:valider-connexion",
     "goto:oubli-lien"),
    ("je n'ai pas de code", "step:valider-connexion", "goto:pas-de-code-lien"),
    ("Ça va mieux, j'ai soufflé un bon coup. On continue.", "pause:page-accueil", "resume"),
    ("Moi j'en ai jamais eu, de code.", "step:ecran-connexion", "goto:pas-de-code-lien"),
    ("Je l'ai jamais reçu, ce code, moi.", "step:ecran-connexion", "goto:pas-de-code-lien"),
    ("non", "step:ecran-connexion", "no"),
    ("Plu vite la voix stp", "step:objet-droits-demarches", "faster"),
    ("il a plu toute la nuit", "step:objet-droits-demarches", "none"),
    ("Reviens à ta vitesse et à ton volume d'avant, c'était mieux.", "step:mes-demarches", "normal"),
    ("reviens à l'étape d'avant", "step:mes-demarches", "previous"),
    ("Bon, mwen fini, je veux me déconnecter du compte.", "step:ecrire-message", "goto:deconnexion"),
])
def test_found_by_the_fifty_first_run(text: str, context: str, expected: str) -> None:
    """« pas le bon code » is a wrong code, there (its « bon » no filler, the negation not the code's); outside a
    question a « non » heard in a sentence that says more (« j'en ai jamais eu, de code ») answers nothing; « plu »
    typed for « plus » (not after « a »: « il a plu »); a voice setting « d'avant » is the voice as it was, not the
    step before; « mwen » is the « moi » of créole."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the fifty-second batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Les facteurs, ils passent plus qu'un jour sur deux, maintenant, c'est malheureux.", "step:oubli-choix-envoi",
     "?goto:oubli-courrier"),
    ("Les mails, ils arrivent jamais chez moi.", "step:oubli-choix-envoi", "?goto:oubli-email"),
    ("par courrier, la poste c'est plus sûr", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("Ma carte, elle passe plus dans la machine du pharmacien.", "step:objet-message", "goto:objet-carte-vitale"),
])
def test_found_by_the_fifty_second_run(text: str, context: str, expected: str) -> None:
    """A thing in general (« les facteurs »), taken up by « ils » as the subject of what follows, is talked about: the
    choice it names is asked before, not taken (the speaker's own thing, « ma carte, elle … », still chooses)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("Mmh non", "step:avez-vous-un-code", "no"),
    ("hmm oui", "step:avez-vous-un-code", "yes"),
])
def test_a_murmur_before_an_answer_fills(text: str, context: str, expected: str) -> None:
    """« mmh », « hmm » only fill, as « euh » does: with the fifty-third batch's tuning half among the nearest
    phrasings, « Mmh non » (the twenty-fifth's) was left to them, and asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fifty-second and fifty-third batches' tuning halves
    ("Ben voyons, vous pouvez pas causer plus vite ?", "step:oubli-choix-envoi", "faster"),
    ("tu peux pas parler plus fort", "step:oubli-choix-envoi", "louder"),
    ("je ne peux pas parler plus fort", "step:oubli-choix-envoi", "none"),
    ("je voudrais me déloguer", "step:messages", "goto:deconnexion"),
    ("Reculez d'une étape, je n'avais pas ouvert le menu en fait.", "step:les-categories", "?menu"),
    ("le menu", "step:les-categories", "menu"),
])
def test_found_by_the_fifty_third_run(text: str, context: str, expected: str) -> None:
    """« vous pouvez pas … ? » said to the guide asks, as a reproach, and its « pas » negates nothing (« je ne peux
    pas … » still does); « déloguer » is to log out; the menu spoken of in the past is the site's, perhaps: asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the fifty-fifth batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Thomas, c'est quelle touche pour revenir en arrière sur l'ordinateur ?", "step:demande-suivant", "?previous"),
    ("chéri, comment je fais pour me déconnecter", "step:mes-paiements", "?details"),
    ("comment je fais pour lire mes messages", "step:mes-paiements", "goto:messages"),
])
def test_found_by_the_fifty_fifth_run(text: str, context: str, expected: str) -> None:
    """What a line said to someone else is for (« Thomas, c'est quelle touche pour revenir en arrière ? ») is asked
    before anything is done: the aim after « pour » was acted on as if asked of the guide."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fifty-fourth and fifty-fifth batches' tuning halves
    ("Je veux lire les messages que m'a envoyés Ameli.", "step:bienvenue", "goto:messages"),
    ("je veux envoyer un message", "step:bienvenue", "goto:ecrire-message"),
    ("ben ouais jme casse", "oui-non", "yes"),
    ("Non finalement c'était bien avant, remettez la voix comme elle était.", "step:ouvrir-ameli", "normal"),
])
def test_found_by_the_fifty_fifth_run_again(text: str, context: str, expected: str) -> None:
    """« les messages que m'a envoyés Ameli », its subject after its verb, are still what someone else sent; « jme »
    typed for « je me »; « c'était bien avant » says the voice is to be as it was."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the fifty-seventh batch's three moves at its single run, on its tuning half, fixed by rules of their kind
    ("Qu'est-ce qu'il chantait déjà, Brel... au suivant, au suivant...", "step:confirmation-boite-mail", "?next"),
    ("Ma mère disait toujours : faut jamais revenir en arrière.", "step:messages", "?previous"),
    ("vas-y continue ce que tu disais", "pause:messages", "resume"),
    ("Tiens, le facteur est passé en avance aujourd'hui.", "step:confirmation-pas-recu", "none"),   # came by (152nd)
    ("merci d'avance", "step:messages", "none"),
    ("on avance", "step:messages", "next"),
    ("Continue, continue, je t'écoute, je suis juste sur l'ordinateur en même temps.", "step:message-rediger", "?next"),
    ("Je suis sur l'ordinateur, continue.", "step:messages", "?next"),
    ("Je suis sur l'ordi de la médiathèque, je veux me déconnecter.", "step:mes-informations", "goto:deconnexion"),
])
def test_found_by_the_fifty_seventh_run(text: str, context: str, expected: str) -> None:
    """Someone else's words, said in the imperfect (« il chantait », « ma mère disait »), quote them even without
    quotes; « en avance », « d'avance » say when, not « avancer »; « je suis sur l'ordinateur » tells someone away
    from it where the speaker is (the guide knows): each asked before anything moves."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the forty-eighth and fifty-sixth batches' tuning halves
    ("Voilà, validé, une fois.", "step:valider-connexion", "next"),
    ("validé", "step:oubli-email-valider", "next"),
    ("tapé, voilà", "step:saisir-code", "next"),
    ("tape le code", "step:saisir-code", "none"),
    ("oublié", "step:saisir-code", "none"),
    ("Ça va pas du tout, on repart de zéro, s'il vous plaît.", "step:mes-demarches", "?restart"),
    ("je ne veux pas qu'on recommence", "step:mes-demarches", "none"),
    ("Non moi je veux pas lire, je veux écrire un message.", "step:messages", "no"),
])
def test_a_participle_said_alone_reports(text: str, context: str, expected: str) -> None:
    """The participle of the step's action said first, its « c'est » left out (« validé », « tapé, voilà »), says the
    step is done; « ça va pas » is what goes wrong, and its negation stops at the clause that follows (« on repart
    de zéro » is asked, no more refused)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the fifty-eighth batch's resume missed at its single run, on its evaluation half, fixed by a rule of its kind
    ("Pardon de vous avoir fait attendre, allez-y.", "pause:message-envoyer", "resume"),
    ("pardon de vous avoir fait attendre, on peut y aller.", "pause:objet-message", "resume"),
    ("pardon ?", "step:objet-message", "repeat"),
    ("pardon de vous déranger, vous pouvez répéter", "step:objet-message", "repeat"),
])
def test_found_by_the_fifty_eighth_run(text: str, context: str, expected: str) -> None:
    """« pardon de » and an infinitive is an apology, as « excusez-moi de » is: no « pardon ? » that asks again."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fifty-sixth to fifty-eighth batches' tuning halves
    ("Monte le son, chéri, c'est les informations.", "pause:objet-cmuc", "?louder"),
    ("monte le son", "step:objet-cmuc", "louder"),
    ("Allez les Bleus ! But !", "pause:les-categories", "none"),
    ("allez la suite", "pause:les-categories", "resume"),
    ("Le match est en pause.", "step:saisir-code", "none"),
    ("on se met en pause", "step:saisir-code", "pause"),
    ("re dire svp", "step:oubli-courrier-attente", "repeat"),
    ("Mets-la en sourdine un peu, ta voix, les voisins vont tout entendre.", "step:oubli-courrier-valider", "softer"),
    ("Fait.", "step:oubli-naissance", "next"),
    ("ça fait", "step:oubli-naissance", "none"),
])
def test_found_by_the_fifty_eighth_run_again(text: str, context: str, expected: str) -> None:
    """Someone of the house called between two commas, inside the line, is spoken to (the guide asks); « allez »
    before a team cheers it on; a match « en pause » is told of; « re dire » typed in two is « redire »; « en
    sourdine » is softer; « Fait. » alone says the step is done."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the fifty-ninth batch's tuning half
    ("C'est bon pour moi, vous pouvez vous en aller, merci beaucoup.", "step:messages", "quit"),
    ("Recommencez tout le guide, j'ai rien compris.", "step:oubli-courrier", "restart"),
    ("recommencez, j'ai rien compris", "step:oubli-courrier", "?repeat"),
    ("Je cherche un nouveau docteur près de chez moi, le mien part à la retraite.", "step:page-accueil",
     "goto:borne-medecin"),
    ("je pars", "step:messages", "quit"),
    ("Non, je suis directement sur mon compte, ça a marché du premier coup.", "step:code-confirmation",
     "goto:page-accueil"),
])
def test_found_by_the_fifty_ninth_run(text: str, context: str, expected: str) -> None:
    """« vous en aller » is leaving; starting again with the whole named (« tout », « le guide ») has its reasons; a
    doctor who « part à la retraite » leaves nothing of the guide; « du premier coup » is a way of saying."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixtieth batch's tuning half
    ("Mon fils va être papa, c'est pour son congé, je l'aide.", "step:objet-message", "goto:objet-paternite"),
    ("je veux de l'aide", "step:objet-message", "help"),
    ("Maman, tu veux que je t'aide à choisir ?", "step:objet-message", "?help"),
    ("Monte-moi ça, je t'entends pas avec le bruit de la rue.", "step:confirmation-pas-recu", "louder"),
    ("baisse ça", "step:confirmation-pas-recu", "softer"),
    ("Ils m'ont répondu, paraît-il. Où est-ce que je lis leur réponse ?", "step:mes-demarches", "goto:messages"),
])
def test_found_by_the_sixtieth_run(text: str, context: str, expected: str) -> None:
    """The speaker who helps someone (« je l'aide ») asks no help; « monte-moi ça » is the sound, the one setting
    that goes up; « paraît-il » only says where the news came from."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the sixty-first batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Dire qu'avant, la Sécu, on y allait à pied avec sa feuille de soins.", "step:mes-informations", "none"),
    ("je me souviens qu'avant, les papiers on les faisait à la main", "step:mes-informations", "none"),
    ("reviens à celle d'avant", "step:mes-informations", "previous"),
])
def test_found_by_the_sixty_first_run(text: str, context: str, expected: str) -> None:
    """« avant » after « que », with the imperfect that tells how things were (« dire qu'avant, … on y allait »), is
    formerly, not the step before: it moved the guide back."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-first batch's tuning half
    ("Je veux me débrancher de mon compte, là, c'est assez.", "step:les-categories", "goto:deconnexion"),
    ("débranche la télé", "step:les-categories", "none"),
    ("c'est le deuxième cas pour moi", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("Oui, c'est moi, je suis en train de faire la Sécu sur internet avec le truc qui parle.", "step:page-accueil",
     "?yes"),
])
def test_found_by_the_sixty_first_run_again(text: str, context: str, expected: str) -> None:
    """« me débrancher » of one's account is logging out (not « débranche la télé »); « le deuxième cas » chooses, as
    « le deuxième choix » does; « oui, c'est moi » first answers a telephone."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-second batch's tuning half
    ("Doucement, doucement, vous débitez trop vite pour moi.", "step:objet-message", "slower"),
    ("doucement vous parlez trop fort", "step:objet-message", "softer"),
    ("doucement", "step:objet-message", "?slower|softer"),
    ("Attindez un tiot peu, j'dois aller vir el facteur.", "step:messages", "pause"),
])
def test_found_by_the_sixty_second_run(text: str, context: str, expected: str) -> None:
    """« doucement » before « vous » and its verb is said alone, the rest its reason (and what it narrows it to);
    « attindez », « tiot » are the Picard « attendez », « petit »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-second and sixty-third batches' tuning halves
    ("Revenez une étape en arrière, j'ai pas terminé, moi.", "step:message-envoyer", "previous"),
    ("Revenez en arrière, j'ai pas fini, moi.", "step:message-envoyer", "previous"),
    ("ousque j'en suis", "step:les-categories", "where"),
    ("Ousqu'on en est, là ?", "step:les-categories", "where"),
    ("ousque t'as mis mes lunettes, Gérard ?", "step:les-categories", "none"),
])
def test_found_by_the_sixty_third_run(text: str, context: str, expected: str) -> None:
    """« terminé, moi » after « pas » is a participle and the speaker's stressed « moi », no order « termine-moi »
    (it made the reason a clause of its own, and the guide asked); « ousque » is the familiar « où est-ce que »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the sixty-fourth batch's move at its single run, on its tuning half, fixed by a rule of its kind
    ("Hé, le kiné, tu sais s'il a été payé, toi ?", "step:mes-paiements", "?goto:mes-paiements"),
    ("Je voudrais juste savoir s'ils m'ont versé l'argent pour le dentiste.", "step:page-accueil",
     "goto:mes-paiements"),
    ("Répétez, s'il vous plaît.", "step:mes-paiements", "repeat"),
])
def test_found_by_the_sixty_fourth_run(text: str, context: str, expected: str) -> None:
    """« s'il » is « si il »: no « se » elides before « il ». Read as « se », it hid « tu sais si », someone's knowledge
    asked of them, and the guide moved on « le kiné, tu sais s'il a été payé, toi ? »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-fourth batch's tuning half
    ("Dis, une fois, tu sais pas parler moins rapidement ?", "step:confirmation-taper", "slower"),
    ("vous savez pas parler plus fort ?", "step:confirmation-taper", "louder"),
    ("tu sais pas lire, toi ?", "step:confirmation-taper", "none"),
    ("Mets la voix plus haut, avec la télé du voisin j'entends pas.", "step:borne-medecin", "louder"),
    ("Plus fort, Denise, je t'entends pas avec la porte fermée !", "step:confirmation-taper", "?louder"),
])
def test_found_by_the_sixty_fourth_run_again(text: str, context: str, expected: str) -> None:
    """« tu sais pas » before an infinitive asks, as « tu peux pas » does (a reproach, not a denial); after a voice
    setting said first (« voix » weighs nothing), all that follows is its reason, even where it ends in words the
    setting explains (« j'entends pas »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-fifth batch's tuning half
    ("Oh, pas si vite, hein, j'suis plus tout jeune, moi.", "step:confirmation-taper", "slower"),
    ("Plus lentement, je suis plus toute jeune, moi.", "step:ouvrir-ameli", "slower"),
    ("Mi antan pa bien, parle plus fort.", "step:code-confirmation", "louder"),
    ("kitter le guide", "step:ecrire-message", "quit"),
    ("j'ai pas d'ordinateur, envoyez-moi une lettre", "step:oubli-choix-envoi", "goto:oubli-courrier"),
])
def test_found_by_the_sixty_fifth_run(text: str, context: str, expected: str) -> None:
    """« tout jeune, moi » after a degree is an adjective and the speaker's stressed « moi », no order « jeune-moi »;
    « antan » is the créole « entends »; « kitter » is « quitter » typed as a text message."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-sixth batch's tuning half
    # asked at first; the page of the account since the hundred and thirty-seventh run (« pas de code » is its choice)
    ("C'est ouvert direct, pas de code demandé.", "step:code-confirmation", "goto:page-accueil"),
    ("Pas de code demandé, je suis arrivé direct sur mon compte.", "step:code-confirmation", "goto:page-accueil"),
    ("oui, un code de six chiffres", "step:code-confirmation", "yes"),
    ("pas de code demandé", "step:code-confirmation", "goto:page-accueil"),
])
def test_found_by_the_sixty_sixth_run(text: str, context: str, expected: str) -> None:
    """A « pas » after a participle (« ouvert direct, pas de code ») denies what follows: it comes before the participle
    it negates. A « oui » (« c'est ouvert » reads as done) beside the question's own thing denied (« pas de code ») is
    asked: it moved the guide to the e-mail of a code that was never asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-seventh batch's tuning half
    ("Attendez attendez, c'était quoi les touches déjà ? Redites-moi tout ça.", "step:ouvrir-ameli", "repeat"),
    ("Attendez, moi j'ai déjà un compte, c'est juste que j'ai oublié mon code.", "step:premiere-connexion",
     "goto:oubli-lien"),
    ("attendez", "step:ouvrir-ameli", "pause"),
])
def test_found_by_the_sixty_seventh_run(text: str, context: str, expected: str) -> None:
    """An « attendez » said first only announces the request after it, even where the page's own things come between
    (« c'était quoi les touches déjà ? »): they say what the request is about, as a question word does."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the sixty-eighth batch's move at its single run, on its tuning half, fixed by a rule of its kind
    ("Mon petit, tu reviens quand pour m'aider avec la Sécu ?", "step:demande-ensuite", "?previous"),
    ("vous repassez quand, docteur ?", "step:demande-ensuite", "?previous"),
    ("quand tu as fini, reviens en arrière", "step:demande-ensuite", "previous"),
])
def test_found_by_the_sixty_eighth_run(text: str, context: str, expected: str) -> None:
    """« tu reviens quand ? »: when someone will do a thing, asked of them; the guide is never asked when. A « quand »
    before its subject says when, and asks nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-eighth batch's tuning half
    ("Refaites tout depuis le commencement, mon mari veut voir comment on fait.", "step:page-accueil", "restart"),
    ("Dites-moi les parties, j'en referais bien une.", "step:fin", "none"),
    ("Je reprendrais bien un bout de tarte, moi.", "step:message-envoyer", "none"),
    ("Je reprendrais bien un petit café, moi.", "pause:messages", "none"),
    ("Parle plus lintemint, min vieux, te vas trop vite.", "step:saisir-code", "slower"),
])
def test_found_by_the_sixty_eighth_run_again(text: str, context: str, expected: str) -> None:
    """« refaites », « refais » are forms of « refaire » (not its conditional: « j'en referais bien une »);
    « je reprendrais bien » a thing is having more of it, no going on; « lintemint » is the Picard « lentement »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the sixty-ninth batch's tuning half
    ("Tu peux repartir du début ? Mon mari veut l'entendre aussi.", "step:fin", "restart"),
    ("c fé", "step:oubli-naissance", "next"),
    ("recommencez", "step:saisir-code", "restart"),
])
def test_found_by_the_sixty_ninth_run(text: str, context: str, expected: str) -> None:
    """Starting again from the start said in one expression (« repartir du début ») has its reasons, as « depuis le
    début » said apart does; « fé » is « fait » typed as a text message."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the seventy-first batch's move at its single run, on its tuning half, fixed by a rule of its kind
    ("Euh... je dis quoi maintenant, moi ?", "step:ecran-connexion", "help"),
    ("Je peux dire quoi, maintenant ?", "step:ecran-connexion", "help"),
    ("je fais quoi maintenant ?", "step:ecran-connexion", "next"),
    ("vous avez dit quoi maintenant ?", "step:ecran-connexion", "repeat"),
])
def test_found_by_the_seventy_first_run(text: str, context: str, expected: str) -> None:
    """« je dis quoi maintenant ? » asks what to say: the « quoi » is what « dire » says, and no « quoi maintenant »,
    what comes next (which « je fais quoi maintenant ? » still asks)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the seventy-second batch's moves at its single run, fixed by rules of their kind: a sentence for someone else
    # on its evaluation half, one on its tuning half
    ("Continue, continue, je t'écoute, je fais deux choses à la fois.", "step:borne-medecin", "?next"),
    ("continuez, je vous écoute", "step:borne-medecin", "?next"),
    ("je vous écoute", "step:borne-medecin", "next"),
    ("Allez, continuez le guide, je vous écoute.", "step:mes-informations", "next"),
    ("Attends, tu peux me passer mes lunettes avant ? Merci.", "step:objet-carte-vitale", "pause"),
    ("passe-moi le sel", "step:objet-carte-vitale", "none"),
    ("passe-lui le sel", "step:objet-carte-vitale", "none"),
    ("passe le sel", "step:objet-carte-vitale", "?next"),   # to whom is not said: asked
    ("tu peux me passer à l'étape d'avant ?", "step:objet-carte-vitale", "previous"),
    ("passe-moi à la suite", "step:objet-carte-vitale", "next"),
])
def test_found_by_the_seventy_second_run(text: str, context: str, expected: str) -> None:
    """« continue, je t'écoute » urges on someone who is talking, and the guide has stopped talking when it hears it:
    asked. « tu peux me passer mes lunettes ? » hands a thing to the speaker (and its « avant » is « first »): no
    step skipped, none gone back to."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-first and seventy-second batches' tuning halves
    ("revien a letape davan stp", "step:confirmation-taper", "previous"),
    ("Parle pu lintmint, j'comprinds rin.", "step:les-categories", "slower"),
    ("Ch'est bon, j'ai intindu tout cha, après ?", "step:ecran-connexion", "next"),
    ("Bon allez, les bornes ça m'intéresse pas, passons à la suite.", "step:borne-medecin", "next"),   # since the 119th
    ("ça m'intéresse pas", "step:borne-medecin", "none"),
    ("ça m'intéresse, continuez", "step:borne-medecin", "next"),
    ("J'ai ouvert l'enveloppe, y a rien d'intéressant, on poursuit.", "step:messages", "next"),
    ("J'ai rien reçu, il arrive pas ce mail.", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("je veux pas qu'on continue", "step:borne-medecin", "none"),
    ("non, je ne continue pas", "step:borne-medecin", "no"),
])
def test_found_by_the_seventy_second_run_again(text: str, context: str, expected: str) -> None:
    """Texted « revien », « davan »; Picard « lintmint », « comprinds », « cha »; « ça m'intéresse pas » is the
    speaker's own negation. A negation never reaches a verb that has its own subject after it (« rien d'intéressant,
    on poursuit »), unless a « que » makes that clause the object of the negated one (« je veux pas qu'on continue »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-third batch's tuning half
    ("C'est validé, ils disent que la lettre va partir.", "step:oubli-courrier-valider", "none"),
    ("C'est validé, la lettre va partir. Et maintenant ?", "step:oubli-courrier-valider", "next"),
    ("je dois partir", "step:fin", "quit"),
    ("kesk'il faut faire jai pas compri redi", "step:message-envoyer", "repeat"),
])
def test_found_by_the_seventy_third_run(text: str, context: str, expected: str) -> None:
    """A thing or someone named that leaves (« la lettre va partir ») is no leaving of the guide; « kesk' »,
    « compri », « redi » typed as a text message."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the seventy-fourth batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Ben dis donc, c'est beau ce qu'ils font maintenant avec les ordinateurs.", "step:page-accueil", "?help"),
    ("c'est beau", "step:page-accueil", "next"),
    ("c'est bon ce que j'ai tapé ?", "step:page-accueil", "?next"),
])
def test_found_by_the_seventy_fourth_run(text: str, context: str, expected: str) -> None:
    """« c'est beau », « c'est bon » said of what follows (« ce que », « ce qui ») judge a thing: no step is done."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the seventy-fifth batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Recule un peu, t'es devant l'écran.", "step:ouvrir-ameli", "?previous"),
    ("recule un peu", "step:ouvrir-ameli", "previous"),
    ("tu es sur quelle étape ?", "step:ouvrir-ameli", "where"),
])
def test_found_by_the_seventy_fifth_run(text: str, context: str, expected: str) -> None:
    """« t'es devant l'écran »: where the listener stands, said to someone in the room; the guide asks before it
    does anything else the line says."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # the seventy-sixth batch's move at its single run, on its evaluation half, fixed by a rule of its kind
    ("Dis, tu me l'avais donné, le code, quand tu m'as installé l'ordinateur ?", "step:avez-vous-un-code", "none"),
    ("je suis bien installée", "step:ecran-connexion", "next"),
    ("me revoilà, je suis prêt", "step:ecran-connexion", "next"),
])
def test_found_by_the_seventy_sixth_run(text: str, context: str, expected: str) -> None:
    """« installé » after « avoir » (« tu m'as installé l'ordinateur ») is a thing done, not someone settled and
    ready (« je suis bien installée », with « être »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-fifth and seventy-sixth batches' tuning halves
    ("Hein ? Le tracteur voisin passait, j'ai rien entendu, encore une fois.", "step:oubli-courrier", "repeat"),
    ("J'ai pas entendu, la sirène pompiers hurlait, encore une fois.", "step:oubli-courrier", "repeat"),
    ("Ce jambon, il faudrait le manger avant dimanche.", "step:objet-message", "none"),
    ("Le code m'est parti de la tête, complètement.", "step:saisir-code", "goto:oubli-lien"),
    ("Le code ? Envolé, je l'ai plus.", "step:ecran-connexion", "goto:oubli-lien"),
])
def test_found_by_the_seventy_sixth_tuning_half(text: str, context: str, expected: str) -> None:
    """A thing named by two nouns, then a verb in the imperfect (« le tracteur voisin passait »), is what was going
    on: its words do not stand against the request; a code « parti de la tête » is forgotten."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-seventh batch's tuning half
    ("jme rapel plu du code", "step:saisir-code", "goto:oubli-lien"),
    ("je me rapelle pas du code", "step:ecran-connexion", "goto:oubli-lien"),
    ("On va en rester là pour ce soir, merci bien.", "step:page-accueil", "?quit"),
    ("On refait le guide entier, j'ai rien retenu.", "step:fin", "restart"),
    ("Lisez-moi les grandes parties du guide.", "step:confirmation-pas-recu", "menu"),
])
def test_found_by_the_seventy_seventh_tuning_half(text: str, context: str, expected: str) -> None:
    """« rapel » typed for « rappelle »; « en rester là » is stopping (asked, as any leaving said without
    certainty); « le guide entier » is the guide; « les grandes parties » are its summary."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-eighth batch's run: « Elle était belle, la chanson d'avant, ils devraient la remettre à la
    # radio. » went back a step
    ("Il était mieux, le feuilleton d'avant, ils devraient le rediffuser.", "step:ecrire-message", "none"),
    ("C'était mieux, la musique d'avant, on dansait au bal.", "step:message-rediger", "none"),
    ("La rubrique d'avant, s'il vous plaît.", "step:mes-paiements", "previous"),
    ("Revenez à l'étape d'avant.", "step:message-rediger", "previous"),
])
def test_found_by_the_seventy_eighth_run(text: str, context: str, expected: str) -> None:
    """« d'avant » after a thing the guide does not speak of (« la chanson d'avant ») is that thing as it was, not
    the step before (« la rubrique d'avant », « l'étape d'avant » still go back)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the seventy-eighth and seventy-ninth batches' tuning halves
    ("Ne bouge plus, je dois ouvrir la porte.", "step:les-categories", "pause"),
    ("Médor, bouge plus de ton panier !", "step:messages", "none"),
    ("Le téléphone a sonné, j'en ai raté la moitié, répétez.", "step:valider-connexion", "repeat"),
])
def test_found_by_the_seventy_ninth_tuning_half(text: str, context: str, expected: str) -> None:
    """« ne bougez plus » is « ne bougez pas », a wait; « suspendre » pauses; « la moitié » says how much, nothing
    asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eightieth batch's run: « Tiens, le soleil revient. » went back a step
    ("Oh, le facteur revient, il a oublié un colis.", "step:les-categories", "none"),
    ("Regarde, les hirondelles reviennent.", "step:ecran-connexion", "none"),
    ("On revient à l'étape d'avant ?", "step:messages", "previous"),
    ("Revenez en arrière.", "step:messages", "previous"),
])
def test_found_by_the_eightieth_run(text: str, context: str, expected: str) -> None:
    """« revient » told of a thing or someone named (« le soleil revient », « le facteur revient ») is news of the
    house, as « le match reprend » is: no step back."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eightieth batch's tuning half
    ("À partir d'ici, je peux vous dire quoi ?", "step:oubli-courrier-attente", "help"),
    ("À partir de maintenant, je dis quoi pour avancer ?", "step:messages", "help"),
    ("Je dois partir, au revoir.", "step:messages", "quit"),
    ("Recausez-moi de ça, j'ai rien suivi.", "step:mes-paiements", "repeat"),
])
def test_found_by_the_eightieth_tuning_half(text: str, context: str, expected: str) -> None:
    """« à partir de » is « from », nobody leaving; « recausez-moi ça » is « redites-moi ça » in the country's
    words."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-first batch's run: « Ça y est, c'est fini, tu peux ramener la tablette à ta mère. » went
    # back a step
    ("Ramène le pain en rentrant, s'il te plaît.", "step:mes-paiements", "none"),
    ("Ça y est, c'est fini, tu peux ramener la tablette à ta mère.", "step:fin", "none"),
    ("Ramène la page d'avant.", "step:mes-paiements", "previous"),
    ("Ramène le guide en arrière.", "step:mes-paiements", "previous"),
])
def test_found_by_the_eighty_first_run(text: str, context: str, expected: str) -> None:
    """« ramener » a thing the guide does not speak of (« ramène le pain ») brings it back to someone: no step
    back (« ramène la page d'avant », « le guide » still go back)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-first batch's tuning half (and four before it: « J'ai mis mon code, personne n'a regardé,
    # c'est bon. »)
    ("J'ai tapé les chiffres, personne n'a vu, on continue.", "step:saisir-code", "next"),
    ("Code tapé tout seul, et personne ne regardait. Ensuite ?", "step:saisir-code", "next"),
    ("Personne ne m'a jamais envoyé de code.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("Tout est en ordre dans mes infos, passons à la suite.", "step:mes-informations", "next"),
])
def test_found_by_the_eighty_first_tuning_half(text: str, context: str, expected: str) -> None:
    """« personne n'a regardé » is a care said in passing, nothing asked; « personne » is nobody, not a « code
    personnel » mistyped (« personne ne m'a jamais envoyé de code » is « on ne m'a jamais… »); « tout est en
    ordre » is all is well, not the guide's orders."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-second batch's run: « Onze sujets, rien que ça, ils aiment compliquer les choses. » chose
    # the eleventh subject; « Bon allez, fin de la récré, on y va. », in a pause, was asked « quitter ? »
    ("Trois choses à choisir, c'est déjà beaucoup pour moi.", "step:objet-message", "none"),
    ("Le onze, s'il vous plaît.", "step:objet-message", "goto:objet-service-social"),
    ("le 1er choix", "step:avez-vous-un-code", "goto:saisir-numero"),
    ("Allez, fin de la récréation !", "pause:messages", "resume"),
])
def test_found_by_the_eighty_second_run(text: str, context: str, expected: str) -> None:
    """A number before a plural noun (« onze sujets », « trois choses ») says how many, it chooses nothing (« le
    onze », « le 1er choix » still choose); « fin de la récré » ends the pause."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-fifth batch's run: « Onze sujets, ils en ont mis, des choses. » went on to the next step;
    # « Le médecin a dit qu'il fallait envoyer la feuille de soins, tu t'en souviens ? » chose a subject
    ("Ils ont tout validé sans me demander, ces gens-là.", "step:valider-connexion", "none"),
    ("Elles en ont mis, des couleurs, sur ce site.", "step:page-accueil", "none"),
    ("C'est pour la feuille de soins, vous vous en souvenez ?", "step:objet-message", "none"),
    ("J'en ai mis, des chiffres, mais c'est tapé.", "step:saisir-numero", "next"),
    ("Remboursement des soins, c'est ça que je veux.", "step:objet-message", "goto:objet-remboursement"),
])
def test_found_by_the_eighty_fifth_run(text: str, context: str, expected: str) -> None:
    """A perfect whose subject is « ils » or « elles » (« ils en ont mis », « elles ont tout validé ») tells what
    others did, no step of the speaker's done (« j'en ai mis » still is); « tu t'en souviens ? », « vous vous en
    souvenez ? » ask someone's memory, which the guide has not."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-sixth batch's run: « J'aurais dû prendre mon café avant. » went back a step; « T'as fait
    # opposition pour ta carte Vitale perdue, toi ? » and « …, je suis dessus en ce moment, je te dis après. » went on
    ("Tu aurais dû prendre ton manteau avant.", "step:saisir-code", "none"),
    ("Revenez à l'étape avant.", "step:saisir-code", "previous"),
    ("Tu as tapé ton code, toi ?", "step:saisir-code", "none"),
    ("Qu'est-ce que t'as comme parties ? Fais voir le sommaire.", "step:mes-paiements", "menu"),
    ("Je te dirai ce soir si ça a marché.", "step:valider-connexion", "none"),
])
def test_found_by_the_eighty_sixth_run(text: str, context: str, expected: str) -> None:
    """« avant » last, after a thing the guide does not speak of (« prendre mon café avant »), is beforehand, not
    the step before (« l'étape avant » still goes back); « tu as tapé » tells what someone else did (the guide
    types nothing); « je te dis après », « je te dirai » promise something to someone."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-seventh batch's run: « Tiens, lis-moi ce qu'il y a écrit sur la lettre d'Ameli, mais pas le
    # code. » went to « je n'ai pas de code »; « Attends, je finis ça et je suis à toi. » and « Attinds un peu, min
    # fieu, j'ai presque fini. » went on
    ("Lis-moi ce qui est écrit sur l'enveloppe, mais pas le code.", "step:oubli-courrier-attente", "?next"),
    ("J'ai reçu la lettre mais pas le code.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("J'ai presque fini de taper.", "step:saisir-code", "none"),
    ("Le numéro est presque tapé.", "step:saisir-numero", "none"),
    ("J'ai fini, on continue.", "step:saisir-code", "next"),
    ("Je finis la vaisselle et je suis à toi.", "step:les-categories", "?next"),
])
def test_found_by_the_eighty_seventh_run(text: str, context: str, expected: str) -> None:
    """« mais pas le code » after a request with no « avoir » leaves that thing out of it (« j'ai reçu la lettre
    mais pas le code » still has none); « presque fini », « presque tapé » are not done yet; « je suis à toi »
    is said to someone: asked, not acted on."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-fifth to eighty-eighth batches' tuning halves: « cest fait pour le code », « J'ai
    # déménagé, il faut que je change d'adresse. »
    ("cest fait pour le numéro", "step:saisir-numero", "next"),
    ("On a déménagé, faut que je change d'adresse.", "step:page-accueil", "goto:mes-informations"),
    ("Mon fils déménage samedi, il faut que je l'aide.", "step:page-accueil", "none"),
])
def test_found_by_the_eighty_eighth_tuning_half(text: str, context: str, expected: str) -> None:
    """« cest » typed without its apostrophe is « c'est »; moving house (« j'ai déménagé », « je change
    d'adresse ») is the part « mes informations »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the eighty-ninth batch's run: « Tiens, ils m'ont remboursé le dentiste, c'est déjà ça. » and « Il
    # dit d'appuyer sur le bouton Suivant, tu le vois, toi ? » went on; « Hmm, l'e-mail, je sais même plus si j'ai
    # le mot de passe. » chose « par e-mail »
    ("Tiens, ils m'ont remboursé la pharmacie.", "step:ouvrir-ameli", "none"),   # news: no part asked (the walk)
    ("Ils m'ont jamais remboursé ma consultation chez le dentiste.", "step:objet-message", "goto:objet-remboursement"),
    ("Je veux voir ce qu'ils m'ont versé ce mois-ci.", "step:page-accueil", "goto:mes-paiements"),
    ("Il y a marqué qu'ils m'ont envoyé un code par e-mail.", "step:code-confirmation", "yes"),
    ("La flèche, là, tu la vois, toi ?", "step:demande-suivant", "none"),
    ("Par courrier, je sais même plus si j'ai la bonne adresse.", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Par courrier, s'il vous plaît.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
])
def test_found_by_the_eighty_ninth_run(text: str, context: str, expected: str) -> None:
    """A perfect whose subject is « ils » tells no step of the speaker's done, even with « me » (« ils m'ont
    envoyé un code » still answers where the code went); « tiens, ils m'ont remboursé … », said as news, asks for
    no part either (« ils m'ont jamais remboursé » is a complaint, a subject to write about; « je veux voir ce
    qu'ils m'ont versé » still goes there); « tu la vois, toi ? » asks someone else; a choice named beside « je
    sais plus si … » is asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-second batch's run: « Le mail, le mail… j'ai jamais su m'en servir. » chose « par e-mail »
    ("Le courrier… je sais pas m'en servir, moi, de ces formulaires.", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Par mail, j'ai jamais su m'en servir mais ma fille oui.", "step:oubli-choix-envoi", "?goto:oubli-email"),
    ("Par e-mail, c'est plus rapide.", "step:oubli-choix-envoi", "goto:oubli-email"),
])
def test_found_by_the_ninety_second_run(text: str, context: str, expected: str) -> None:
    """A choice named beside « je (n')ai jamais su m'en servir », « je sais pas m'en servir » is asked, not
    taken: the speaker doubts it."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-third batch's run: « Il me demande si Ameli veut un code de confirmation, qu'est-ce que j'en
    # sais, moi ? Viens voir. » went on (evaluation half); « Allez, allez, ouvre-toi. », « Il y en a, des catégories,
    # on s'y perd. », « Oh, j'ai trois messages, qui c'est qui m'écrit ? » moved the guide (tuning half)
    ("Ils me demandent si je veux un code par e-mail, qu'est-ce que j'en sais, moi ?", "step:code-confirmation",
     "?goto:confirmation-boite-mail"),
    ("Par courrier, j'en sais rien, moi.", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Par courrier, s'il vous plaît.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("Allez, charge-toi, saleté de machine.", "step:valider-connexion", "none"),
    ("Allez, on valide.", "step:valider-connexion", "next"),
    ("Que de messages, c'est fou !", "step:page-accueil", "none"),
    ("Il y en a, des démarches, sur ce site.", "step:page-accueil", "none"),
    ("Je veux voir mes démarches.", "step:page-accueil", "goto:mes-demarches"),
    ("Tiens, qui c'est qui m'écrit ?", "step:messages", "goto:messages"),
    ("J'ai écrit mon message.", "step:ecrire-message", "next"),
])
def test_found_by_the_ninety_third_run(text: str, context: str, expected: str) -> None:
    """A choice named beside « qu'est-ce que j'en sais », « j'en sais rien » is asked, and the nearest phrasings do
    not settle it; « ouvre-toi », « charge-toi » are said to the page; « que de … », « il y en a, des … » exclaim how
    many, no part asked; someone who writes to the speaker, in the present, is a message come (its « c'est qui »
    is no « c'est écrit »: nothing done)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-fourth batch's run: « Bon, on recommence où on s'était arrêtés. » did not resume in place,
    # « Regarde voir sur ton téléphone, y a un message d'Ameli ? » went to the messages (evaluation half); « Regarde
    # s'il y a un message d'Ameli, et lis-moi pas le code, hein. », « Mes informations, c'est là que je change mon RIB,
    # tu crois ? », « Tu veux que je regarde mes paiements ou mes démarches d'abord ? » moved the guide (tuning half)
    ("On recommence là où on en était.", "pause:saisir-code", "resume"),
    ("On recommence depuis le début.", "pause:saisir-code", "restart"),
    ("Regarde sur ta tablette si le code est arrivé.", "step:confirmation-boite-mail", "none"),
    ("Regardez voir si la lettre est arrivée.", "step:oubli-courrier-attente", "?next"),
    ("Dis-moi pas le code, hein.", "step:oubli-email-boite", "none"),
    ("C'est là que je vois mes remboursements, tu penses ?", "step:les-categories", "?goto:mes-paiements"),
    ("Je regarde mes paiements ou mes démarches ?", "step:les-categories", "?goto:mes-paiements|goto:mes-demarches"),
    ("Les paiements, ou plutôt les démarches.", "step:les-categories", "goto:mes-demarches"),
    ("Je sais plus ou je l'ai mis, mon code.", "step:avez-vous-un-code", "goto:oubli-lien"),
])
def test_found_by_the_ninety_fourth_run(text: str, context: str, expected: str) -> None:
    """Starting again where one was is resuming; someone sent to look whether a thing is there, or told of their
    own telephone or tablet, or asked « tu crois ? », is spoken to; « lis-moi pas le code » refuses the order, it
    says nothing of having no code; two parts joined by « ou » are both asked about (not « ou plutôt », a
    correction, nor « ou » typed for « où » before a subject)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-fifth batch's run: « T'es sûr qu'il faut pas valider avant ? » went back, « Elle me demande
    # si j'ai un code, tu m'en avais pas fait un, l'an dernier ? » answered yes (evaluation half); « Tiens, c'est écrit
    # tout petit. » went on (tuning half)
    ("Tu es sûre qu'on doit taper le code maintenant ?", "step:saisir-code", "none"),
    ("Il faut valider avant.", "step:valider-connexion", "none"),
    ("On retourne avant.", "step:ouvrir-ameli", "previous"),
    ("Ils me demandent si j'ai déjà un code.", "step:avez-vous-un-code", "?goto:pas-de-code-lien"),
    ("Oui, j'ai déjà un code.", "step:avez-vous-un-code", "goto:saisir-numero"),
    ("C'est écrit en tout petit, ce numéro.", "step:demande-numero", "none"),
    ("Voilà, c'est écrit.", "step:message-rediger", "next"),
])
def test_found_by_the_ninety_fifth_run(text: str, context: str, expected: str) -> None:
    """« t'es sûr que … ? » asks someone; « avant » last after an action of the page to do is beforehand; an answer
    said after « elle me demande si » is the question reported, asked (as after « je me demande si »); how a thing
    is written (« écrit tout petit ») is the page read, no step done."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-sixth batch's run: « T'as regardé dans les spams, toi, quand ça t'est arrivé ? » went on,
    # « Papa, t'as une adresse e-mail, toi ? » chose « par e-mail », « Tu me lis le mail ? Non, lis pas le code à voix
    # haute, montre-le-moi. » went to « je n'ai pas de code » (evaluation half)
    ("T'as regardé dans ta boîte, toi, quand ça t'est arrivé ?", "step:confirmation-pas-recu", "?next"),
    ("Papy, t'as une adresse mail, toi ?", "step:oubli-choix-envoi", "?goto:oubli-email"),
    ("Non, lis pas le code à voix haute, montre-le-moi.", "step:oubli-email-boite", "?no"),
    ("Par e-mail, s'il vous plaît.", "step:oubli-choix-envoi", "goto:oubli-email"),
    ("Non, tape pas le code tout de suite, attends.", "step:saisir-code", "none"),
    ("Non, j'ai pas le code.", "step:saisir-code", "goto:pas-de-code-lien"),
    ("Attends, lis-moi pas les chiffres.", "step:saisir-code", "pause"),
])
def test_found_by_the_ninety_sixth_run(text: str, context: str, expected: str) -> None:
    """« toi » set apart beside a « tu » singles out someone of the house: asked, not acted on; « pas » right
    after an order that opens its clause refuses the order (« non, tape pas le code »), it says nothing of having
    no code (« non, j'ai pas le code » still has none)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-seventh batch's run: « Ma messagerie, je sais même plus comment on l'ouvre. » went to the
    # messages, « Comment ça s'écrit, déjà, « remboursement » ? » to the payments (evaluation half), « Un code, un
    # code... j'en ai tellement, des codes. » to typing the code (tuning half)
    ("La messagerie, je sais même plus comment on l'ouvre.", "step:confirmation-boite-mail", "?goto:messages"),
    ("Je sais plus comment on ouvre la messagerie.", "step:confirmation-boite-mail", "goto:messages"),
    ("Ça s'écrit comment, « paiement » ?", "step:message-rediger", "none"),
    ("Comment ça s'écrit, paiement ?", "step:message-rediger", "none"),
    ("Comment on écrit un message ?", "step:messages", "goto:ecrire-message"),
    ("Ameli, ça s'épelle comment ? Avec un i à la fin ?", "step:ouvrir-ameli", "none"),
    ("Comment on écrit à la caisse ?", "step:mes-informations", "goto:ecrire-message"),
    ("Un code, un code... j'en ai tant, des codes.", "step:avez-vous-un-code", "none"),
    ("Des codes, j'en ai tellement.", "step:avez-vous-un-code", "none"),
    ("Oui, j'ai un code.", "step:avez-vous-un-code", "goto:saisir-numero"),
])
def test_found_by_the_ninety_seventh_run(text: str, context: str, expected: str) -> None:
    """« je sais plus comment on l'ouvre »: the thing named before, the speaker's doubt is said aloud, asked; a word
    after « comment ça s'écrit », and all the line names, is asked about, not for (« comment on écrit un message ? »
    still asks for one); « j'en ai tellement, des codes » and « un code, un code… » exclaim or muse, nothing chosen."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-eighth batch's run: « Ça y est, je suis sur mon compte, t'as vu ? » went on (evaluation
    # half), « Tu veux que je regarde tes paiements aussi, pendant que j'y suis ? » went to the payments (tuning half)
    ("Voilà, je suis sur la page de mon compte, t'as vu ?", "step:page-accueil", "?next"),
    ("Je regarde tes remboursements aussi, pendant que j'y suis ?", "step:les-categories", "none"),
    ("Je veux voir mes remboursements.", "step:les-categories", "goto:mes-paiements"),
    ("Attends, je cherche ton code dans le carnet.", "step:saisir-code", "?pause"),
])
def test_found_by_the_ninety_eighth_run(text: str, context: str, expected: str) -> None:
    """« t'as vu ? » shows a thing to someone (the guide sees nothing), and « tes paiements », « ton code » are
    someone else's (the guide has no account): asked or left, never acted on."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the ninety-ninth batch's run: « Je vais regarder les paiements, tu voulais savoir pour le remboursement
    # du dentiste, c'est ça ? » went to the payments (evaluation half); « Première connexion, première connexion… j'en
    # ai déjà fait une, il me semble. » went on, « Pfff, tout ça pour voir un remboursement. » went to the payments,
    # « Depuis le déménagement je confonds toujours avec l'ancien. » to « mes informations » (tuning half)
    ("Tu voulais savoir pour le dentiste ? Je regarde les paiements.", "step:les-categories", "?goto:mes-paiements"),
    ("Je regarde les paiements.", "step:les-categories", "goto:mes-paiements"),
    ("Deuxième connexion, deuxième connexion… j'en ai déjà fait deux, je crois.", "step:premiere-connexion",
     "?goto:ecran-connexion"),
    ("C'est fait.", "step:premiere-connexion", "next"),
    ("Tout ça pour voir un remboursement, pfff.", "step:ecran-connexion", "none"),
    ("C'est pour voir un remboursement.", "step:ecran-connexion", "goto:mes-paiements"),
    ("Depuis mon déménagement, je mélange les adresses.", "step:demande-code-postal", "none"),
    ("Reprends depuis le début.", "step:demande-code-postal", "restart"),
])
def test_found_by_the_ninety_ninth_run(text: str, context: str, expected: str) -> None:
    """« tu voulais savoir » is someone else's wish (the guide wants nothing); « j'en ai fait deux » counts things
    done, no step done; « tout ça pour … » sighs, no aim asked; a thing after the « depuis » that opens the line,
    a clause after it, says since when (« reprends depuis le début » is still a place in the guide)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundredth batch's run: « Tu vois, là il faut appuyer sur Suivant, c'est ce qu'il a dit. », « Oui,
    # je suis sur la page d'accueil de mon compte, tu vois ce que je vois ? » and « Oui oui, j'ai bien noté, la suite
    # je la ferai demain avec toi. » went on (evaluation half)
    ("Regarde, il faut cliquer sur Suivant, c'est ce qu'il a dit.", "step:demande-suivant", "?next"),
    ("Il faut appuyer sur Suivant.", "step:demande-suivant", "next"),
    ("Je suis sur l'accueil de mon compte, vous voyez ce que je vois ?", "step:page-accueil", "?details"),
    ("La suite, je la ferai demain.", "step:objet-remboursement", "?quit"),
    ("La suite, demain.", "step:objet-remboursement", "?quit"),
    ("La suite.", "step:objet-remboursement", "next"),
])
def test_found_by_the_hundredth_run(text: str, context: str, expected: str) -> None:
    """« c'est ce qu'il a dit » speaks of the guide to someone else, « tu vois ce que je vois ? » asks someone to look
    (the guide sees nothing); « la suite » put off to « demain » goes nowhere: leaving is asked about."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and first batch's run: « C'est bon, tu peux prendre l'ordinateur, j'ai fini. », « Il dit
    # d'appuyer sur suivant, tu vois où c'est ? », « Ça y est, je suis sur mon compte, tu vois ! » went on (evaluation
    # half), « Regarde, y a « Mes démarches » et « Mes paiements ». » went to the payments (tuning half)
    ("Regarde, y a « Mes paiements » et « Mes démarches ».", "step:les-categories", "?goto:mes-demarches"),
    ("Je suis sur la page de mon compte, tu vois !", "step:page-accueil", "?next"),
    ("Tu vois, je comprends pas, répète.", "step:page-accueil", "repeat"),
    ("On dit d'appuyer sur suivant, tu vois où c'est ?", "step:demande-suivant", "?next"),
    ("Voilà, tu peux prendre l'ordinateur, j'ai fini.", "step:deconnexion", "?next"),
    ("Voilà, j'ai fini.", "step:deconnexion", "next"),
])
def test_found_by_the_hundred_and_first_run(text: str, context: str, expected: str) -> None:
    """« regarde, y a … » shows a thing to someone, « tu vois ! » said last and « tu vois où … ? » ask someone to
    look, « tu peux prendre l'ordinateur » hands it over: the guide sees nothing and asks (« tu vois, … » said first
    is a filler)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and third batch's run: « Tiens, un message de la banque, ça attendra. » went to the message
    # that does not come, « Tu veux que je regarde les paiements pour ta mère aussi ? » to the payments, « Je l'envoie,
    # ce message, ou tu veux le relire avant ? » back (evaluation half)
    ("Tiens, un message des impôts, ça attendra.", "step:confirmation-boite-mail", "none"),
    ("Un message de la mutuelle, ça peut attendre.", "step:confirmation-boite-mail", "none"),
    ("Ce message-là, il attendra.", "step:confirmation-boite-mail", "?goto:messages"),
    ("J'attends toujours le message.", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("Tu veux que je regarde les paiements pour ta sœur ?", "step:les-categories", "?goto:mes-paiements"),
    ("Je regarde les paiements pour ton frère, tu veux ?", "step:les-categories", "?goto:mes-paiements"),
    ("Je regarde les remboursements.", "step:les-categories", "goto:mes-paiements"),
    ("J'envoie, ou vous préférez le relire avant ?", "step:message-envoyer", "?previous"),
    ("Revenez en arrière, je veux relire avant.", "step:message-envoyer", "previous"),
])
def test_found_by_the_hundred_and_third_run(text: str, context: str, expected: str) -> None:
    """« ça attendra », « ça peut attendre »: the thing named is put off, nothing asked; « ta mère », « ton père »:
    the guide has no family; « …, ou tu veux … ? » asks someone else what they would rather do."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fourth batch's run: « Je te montre après comment on se déconnecte, d'accord ? » ended
    # the guide (tuning half)
    ("Je vais te montrer comment on se déconnecte.", "step:deconnexion", "?details"),
    ("Je te montrerai après comment on ferme.", "step:deconnexion", "?quit"),
    ("Je me suis déconnectée.", "step:deconnexion", "next"),
])
def test_found_by_the_hundred_and_fourth_run(text: str, context: str, expected: str) -> None:
    """« je te montre » speaks to someone else: the guide sees nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected, tense", [
    ("La suite, je la ferai demain.", "step:objet-remboursement", "?quit", "future"),
    ("Le message, je le ferai ce soir.", "step:saisir-code", "?goto:messages", "future"),
    ("Je veux entendre toutes les parties, on verra bien.", "step:objet-invalidite", "menu", None),
    ("J'ai fait le code.", "step:saisir-code", "next", "perfect"),
])
def test_a_verb_in_the_future_is_no_report_of_a_thing_done(text: str, context: str, expected: str,
                                                           tense: str | None) -> None:
    """« je la ferai », « je le ferai »: said of later, no step done; the part named is asked about, as after a report
    of something else done (« on verra bien » plans nothing)."""
    assert meant(text, context) == expected
    assert RUNNER.matcher.analyzer.analyse(text).features & {"perfect", "future"} == ({tense} if tense else set())


@pytest.mark.parametrize("text, context, expected", [
    # tuning halves of the ninetieth to hundred and fourth batches, missed: a repeat asked in light words with its
    # reason, a repeat asked by the count of times, a participle said after its noun, the home page reported open
    ("Qu'est-ce que vous avez dit ? Je regardais par la fenêtre.", "step:demande-nom", "repeat"),
    ("Vous avez dit quoi, j'étais au téléphone.", "step:demande-nom", "repeat"),
    ("Une troisième fois, s'il vous plaît, je suis lente.", "step:demande-nom", "repeat"),
    ("Je l'ai tapé une deuxième fois.", "step:saisir-code", "next"),
    ("Numéro de sécu tapé.", "step:saisir-numero", "next"),
    ("Le code postal rentré, voilà.", "step:demande-code-postal", "next"),
    ("Encore une fois, j'ai rien suivi.", "step:demande-nom", "repeat"),
    ("Appuyez sur la touche entrée.", "step:demande-code-postal", "none"),
    ("Oh, la page d'accueil s'est ouverte toute seule.", "step:code-confirmation", "goto:page-accueil"),
    ("Oui, ça me demande un code.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("jy suis", "step:ouvrir-ameli", "next"),   # typed without its apostrophe
    ("J'ai coché Email avec la barre d'espace.", "step:oubli-email", "next"),   # the key, named as the step names it
])
def test_what_the_tuning_halves_missed_in_kinds(text: str, context: str, expected: str) -> None:
    """« qu'est-ce que vous avez dit ? » asks again even with a reason after it; « une troisième fois » asks again,
    « tapé une deuxième fois » says how often it was done; « numéro tapé »: the participle after its noun reports the
    step done, its « est » unsaid; « la page d'accueil s'est ouverte » where a code may be asked is no « oui »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifth batch's run: « Ah, le voilà, le message d'Ameli, enfin. » went to the messages,
    # « Par la poste ça prend huit jours, tu te rends compte ? » to the letter, « Vas-y, toi, continue, moi je
    # regarde. » on (evaluation half); « Viens voir, il me demande un code de confirmation, c'est normal ? » to the
    # e-mail (tuning half)
    ("Ah, le voilà, le message de la caisse, enfin.", "step:oubli-email-boite", "?goto:messages"),
    ("J'ai reçu le message.", "step:oubli-email-boite", "?goto:messages"),
    ("Je veux lire mes messages.", "step:oubli-email-boite", "goto:messages"),
    ("Par courrier ça prend une semaine, tu te rends compte ?", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Par courrier.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("Allez, continue, moi je regarde.", "step:mes-informations", "?next"),
    ("Venez voir, il me demande un code, c'est normal ?", "step:code-confirmation", "?goto:confirmation-boite-mail"),
    ("Il me demande un code.", "step:code-confirmation", "goto:confirmation-boite-mail"),
])
def test_found_by_the_hundred_and_fifth_run(text: str, context: str, expected: str) -> None:
    """« le voilà » finds a thing and « viens voir » calls someone, said first; « tu te rends compte ? » and « moi je
    regarde » speak to someone else; a part named in the words of the step being read, in a report (« j'ai reçu le
    message » where the step says to look for it), is that step said again: asked."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and sixth batch's run: « Après, on passe à la pharmacie, d'accord ? » went on (evaluation
    # half), « Lis-moi mon numéro de sécu, moi je vois pas les petits chiffres. » went to the forgotten code (tuning
    # half)
    ("Après on passe à la pharmacie.", "step:objet-remboursement", "?next"),
    ("Ensuite on va à la pharmacie, hein ?", "step:objet-remboursement", "?next"),
    ("On passe à la suite.", "step:objet-remboursement", "next"),
    ("Lis-moi mon numéro de sécu, je vois pas les chiffres.", "step:oubli-numero", "?goto:oubli-lien"),
    ("Lis-moi ma carte, je vois pas les petits chiffres.", "step:oubli-numero", "?goto:oubli-lien"),
])
def test_found_by_the_hundred_and_sixth_run(text: str, context: str, expected: str) -> None:
    """Going out to a place of the world (« on passe à la pharmacie ») is no part of the guide; « lis-moi mon … »
    asks someone to read what is the speaker's: the guide reads only its steps."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and seventh batch's run: « Attends, je continue après, là je suis sur le site de la
    # sécu. » went on (evaluation half), « Attends, ne parle pas maintenant, j'écoute ce qu'il dit. » too (tuning half)
    ("Attends, je continue après, là j'ai ma fille au téléphone.", "step:saisir-numero", "?quit"),
    ("On continue demain.", "step:saisir-numero", "?quit"),
    ("On continue, je verrai ça demain.", "step:saisir-numero", "next"),
    ("Je continue.", "step:saisir-numero", "next"),
    ("Ne parle pas maintenant, j'écoute ce qu'elle dit.", "step:saisir-numero", "?next"),
])
def test_found_by_the_hundred_and_seventh_run(text: str, context: str, expected: str) -> None:
    """« je continue après », « on continue demain »: going on, said of oneself and put off at once, is for another
    day (leaving is asked; « on continue, je verrai ça demain » goes on); « j'écoute ce qu'elle dit »: someone else
    is listened to."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and eighth batch's run: « Ils m'ont envoyé un message, tu peux me le lire ? » went to writing
    # a message and « Elle me dit de revenir en arrière, toi tu comprends ce qu'elle veut ? » back a step (evaluation
    # half), « On a changé de code postal quand ils ont fusionné les communes, je crois bien. » on (tuning half)
    ("La caisse m'a envoyé un message.", "step:messages", "goto:messages"),
    ("On m'a écrit un message, je le lis où ?", "step:page-accueil", "goto:messages"),
    ("Ma fille m'a répondu par message, tu peux me la lire ?", "step:messages", "?goto:messages"),
    ("J'ai envoyé mon message.", "step:message-envoyer", "next"),
    ("Il y a marqué qu'ils m'ont envoyé un code par e-mail.", "step:code-confirmation", "yes"),
    ("Il veut revenir à l'accueil, toi tu sais ce qu'il veut ?", "step:demande-page", "?goto:page-accueil"),
    ("On a changé de numéro de téléphone l'an dernier.", "step:demande-numero", "none"),
    ("Ils ont changé de médecin, tu savais ?", "step:demande-code-postal", "none"),
    ("Voilà, ça a changé de page.", "step:valider-connexion", "next"),
    ("J'ai changé le code postal.", "step:demande-code-postal", "next"),
])
def test_found_by_the_hundred_and_eighth_run(text: str, context: str, expected: str) -> None:
    """A message sent to the speaker by someone else is a message received (the messages, not writing one); « toi, tu
    comprends ce qu'il veut ? », « tu peux me le lire ? » ask someone else; « changer de » (a new one) in the past is
    news of a life, not a field typed (but « ça a changé de page » is the step done)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and ninth batch's run: « Tiens, Ameli m'a écrit, tu peux me lire le message ? », « Ouais,
    # je leur écris pour la carte Vitale, là, t'inquiète, je te dis la suite après. » and « Résilier, résilier…
    # faudrait déjà avoir réussi à l'ouvrir, ce compte. » went on (evaluation half); « Qu'est-ce que tu veux que je leur
    # écrive, pour ton remboursement ? » went to the payments (tuning half)
    ("Ameli m'a écrit.", "step:messages", "goto:messages"),
    ("Tiens, la caisse m'a écrit, tu peux me lire la lettre ?", "step:messages", "?goto:messages"),
    ("Je leur écris, t'inquiète, je te raconte la suite.", "step:objet-carte-vitale", "?next"),
    ("Il faudrait déjà avoir fini de taper le code.", "step:saisir-code", "none"),
    ("Je pense avoir fini.", "step:saisir-code", "next"),
    ("J'ai réussi à le taper, ce numéro.", "step:oubli-numero", "next"),
    ("Y a un code à taper qu'ils ont envoyé sur ma messagerie.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("Qu'est-ce que je mets, pour ton paiement ?", "step:ecrire-message", "?goto:mes-paiements"),
])
def test_found_by_the_hundred_and_ninth_run(text: str, context: str, expected: str) -> None:
    """What someone else wrote to the speaker is a message received, no step done; « me lire la lettre », « t'inquiète »,
    « je te raconte la suite », « ton paiement » speak to someone else; a perfect after « faudrait avoir » is still to
    do; the « à » before an infinitive (« un code à taper ») is no « a » of a perfect, unless a perfect comes before it
    (« j'ai réussi à le taper »); where a thing was sent (« sur ma messagerie ») names no part."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and tenth batch's run: « Quatre renseignements, ils veulent tout savoir, ceux-là. » went to
    # « mes informations » and « Lis-moi la ligne suivante, j'ai pas bien vu. » on (evaluation half); « Tous ces mails de
    # pub, on s'y retrouve plus. » to the message that does not come and « Attends, reviens en arrière, t'as fermé la
    # page, là ! » back (tuning half); « … juste à l'instant ? » paused (evaluation half, a command missed)
    ("Tous ces formulaires, on s'y retrouve plus.", "step:demande-page", "none"),
    ("Je retrouve plus le mail.", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    ("Reviens en arrière, t'as fermé la fenêtre !", "step:demande-suivant", "?previous"),
    ("Reviens en arrière, t'as sauté une étape.", "step:demande-suivant", "previous"),
    ("Lis-moi la ligne d'après.", "step:objet-droits-demarches", "?next"),
    ("Quatre renseignements, ils en veulent, des choses.", "step:demande-page", "?goto:mes-informations"),
    ("Je veux mes informations.", "step:demande-page", "goto:mes-informations"),
    ("Qu'est-ce que vous avez dit à l'instant ?", "step:page-accueil", "repeat"),
    ("Attendez un instant.", "step:page-accueil", "pause"),
])
def test_found_by_the_hundred_and_tenth_run(text: str, context: str, expected: str) -> None:
    """« s'y retrouver » is to make sense of things, nothing lost; what the listener did on the page (« t'as fermé la
    page ») is said to someone else (not « t'as sauté une étape »); the lines of the page are someone else's to read;
    a line made only of the step's own words (« quatre renseignements ») is the step said again, asked; « à l'instant »
    is just now, no pause."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and eleventh batch's run: « Je mets carte Vitale ? C'est bien ce que la dame t'a dit au
    # guichet ? » went to the subject « carte Vitale » (tuning half; none of its evaluation half moved the guide)
    ("C'est bien ce qu'il t'a dit, le monsieur ?", "step:objet-message", "?repeat"),
    ("Je mets maternité ? C'est ce que le docteur t'a expliqué ?", "step:objet-message", "?details"),
    ("Carte Vitale.", "step:objet-message", "goto:objet-carte-vitale"),
    ("Qu'est-ce qu'il a dit ?", "step:objet-message", "repeat"),
])
def test_found_by_the_hundred_and_eleventh_run(text: str, context: str, expected: str) -> None:
    """What someone told the listener (« ce que la dame t'a dit ») is asked of someone else: no one tells the guide."""
    assert meant(text, context) == expected


def test_the_guides_nouns_are_no_verbs_after_pour() -> None:
    """A word of the guide's phrases that ends like an infinitive is learnt as a verb only when no determiner stands
    before it there (« une lettre », « par courrier ») and it is no participle (« première », « assuré »): « pour la
    lettre » was « pour » and a verb, and the rest of the line was dropped as an aim. Found at the 112th run."""
    readings = MATCHER.analyzer.analyse
    assert {"lettre", "continuer"} <= readings("d'accord pour la lettre, on continue").readings()
    assert "courrier" in readings("un code pour le courrier").readings()
    assert "page" in readings("je voudrais un code pour votre site").readings()
    assert "#1" in readings("elle se connecte pour la première fois").readings()
    assert readings("comment je fais pour valider").aim == ("valider",)   # a verb still says what for


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twelfth batch's run: « Il me dit d'appuyer sur Suivant, je le vois pas ce bouton, tu peux
    # regarder ? » went on (evaluation half), « Tu peux vérifier que c'est bien l'option courrier qui est cochée ? » too
    # (tuning half); « …, qu'elle dit la machine » re-read the step, « la grande touche en bas » raised the voice, and
    # « D'accord pour la lettre, on continue quand même », « tu peux recommencer ce que tu disais ? », « tu peux pousser
    # un peu le son ? » were missed (evaluation half)
    ("Il dit d'appuyer sur Valider, moi je le trouve pas, tu peux regarder ?", "step:valider-connexion", "?details"),
    ("Tu peux vérifier que j'ai bien coché la case par e-mail ?", "step:oubli-email", "?next"),
    ("Vous pouvez regarder si le message est arrivé ?", "step:confirmation-boite-mail", "?goto:messages"),
    ("Je vérifie que c'est coché, voilà, c'est bon.", "step:oubli-email", "next"),
    ("Faut toujours bien se déconnecter, qu'il dit le guide.", "step:deconnexion", "?goto:deconnexion"),
    ("Il me demande un code, envoyé par mail qu'il dit.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("Il est bien fait, ce site, quand même.", "step:deconnexion", "none"),
    ("C'est fait.", "step:deconnexion", "next"),
    ("Ok pour le courrier, on continue.", "step:oubli-courrier-attente", "next"),
    ("Bon, on passe à la suite quand même.", "step:mes-paiements", "next"),
    ("Vous avez dit quoi pour le mail ? Redites-moi.", "step:oubli-choix-envoi", "repeat"),
    ("Le téléphone a sonné, vous pouvez recommencer ce que vous disiez ?", "step:saisir-numero", "repeat"),
    ("Recommence tout depuis le début.", "step:saisir-numero", "restart"),
    ("Tu peux pousser un peu le son ?", "step:ouvrir-ameli", "louder"),
    ("Appuyez sur la touche tout en bas à gauche, c'est ça ?", "step:ouvrir-ameli", "none"),
    ("Attendez-moi dans la voiture, j'arrive.", "step:saisir-numero", "?pause"),
    ("Attendez-moi deux minutes.", "step:saisir-numero", "pause"),
    ("C'est ce bouton que vous voyez là, en bas ?", "step:demande-suivant", "none"),
])
def test_found_by_the_hundred_and_twelfth_run(text: str, context: str, expected: str) -> None:
    """Someone asked to look or to check (« tu peux regarder ? », « vérifie que … »), what « you » see, the guide's
    words told of it (« qu'elle dit la machine »), waiting somewhere: for someone else, the guide sees nothing and waits
    nowhere. « quand même » calls no « mémé »; « la lettre », « le courrier » after « pour » are no verbs; « en bas » is a
    place; « il est bien fait » is how a thing is made."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirteenth batch's run: « Ça va, tu me rappelles demain, là je suis dans mes paiements. »
    # went to the payments (evaluation half); « Mets le son plus bas, la télé, … » lowered the voice; « On peut passer
    # la vitesse au-dessus ? » went on (tuning half); « … prendre votre temps en parlant ? », « … on passe à ce qui vient
    # après ? » and, in a pause, « on peut recommencer à causer » were missed
    ("Bon, tu me rappelles ce soir, là je suis dans mes démarches.", "step:les-categories", "?goto:mes-demarches"),
    ("Monte le son de la radio, c'est la météo.", "step:demande-nom", "?louder"),
    ("Mets la télé moins fort, on s'entend plus.", "step:demande-nom", "?softer"),
    ("Parlez plus fort, la télé est allumée.", "step:demande-nom", "louder"),
    ("Augmentez le son, avec la radio à côté j'entends rien.", "step:demande-nom", "louder"),
    ("Vous pouvez passer la vitesse supérieure ?", "step:demande-nom", "faster"),
    ("Vous pouvez prendre votre temps pour lire ?", "step:demande-nom", "slower"),
    ("Voilà, je suis revenue, vous pouvez recommencer à parler.", "pause:saisir-code", "resume"),
    ("Le numéro est tapé, on passe à ce qui vient ensuite ?", "step:saisir-numero", "next"),
    ("Rappelez-moi où j'en suis.", "step:saisir-numero", "where"),
    ("On passe à la suite.", "step:saisir-numero", "next"),
    # a floor of the 57th round fell by one when the examples were rebuilt: « J'ai trouvé le bouton, j'ai appuyé sur
    # Entrée, … » had been left to the second opinion, the « trouvé » unexplained: found, then done is one report
    ("J'ai trouvé le lien, j'ai appuyé sur Entrée.", "step:oubli-lien", "next"),
    ("Trouvé le bouton, j'ai fait Entrée, c'est ouvert.", "step:premiere-connexion", "next"),
    ("J'ai trouvé le bouton.", "step:premiere-connexion", "none"),
])
def test_found_by_the_hundred_and_thirteenth_run(text: str, context: str, expected: str) -> None:
    """The sound of another set in the room (« le son de la radio ») is someone else's to turn, unless it is the
    reason to speak up; « tu me rappelles demain » is said on the telephone; the speed passed up is no step passed;
    « prendre votre temps », « recommencer à parler » in a pause, « ce qui vient après » are understood; « j'ai trouvé
    le bouton » beside what was done after it is part of the report."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fourteenth batch's run: « Je t'ai dit de pas toucher, tu vas me faire passer à l'étape
    # suivante. » and « C'est bon, tu peux y aller, je vais me débrouiller toute seule pour la suite. » went on
    # (evaluation half), « Oui oui, je continue, je te tiens au courant. » too (tuning half), the last one through the
    # second opinion, which overrode the rules' question
    ("Je t'ai dit de pas toucher, tu vas me faire aller à la suite.", "step:saisir-numero", "?next"),
    ("C'est bon, tu peux y aller, je vais me débrouiller tout seul.", "step:les-categories", "?next"),
    ("Ouais, je continue, je te tiens au courant.", "step:demande-nom", "?next"),
    ("Je continue.", "step:oubli-email-valider", "next"),
    ("Mon chum, viens icitte, il me parle de trois traits.", "step:ouvrir-rubriques", "none"),
    ("Pas si vite, vous allez me faire tourner la tête.", "step:demande-page", "slower"),
    ("Le sommaire, vous pouvez me le lire ?", "step:demande-nom", "menu"),
])
def test_found_by_the_hundred_and_fourteenth_run(text: str, context: str, expected: str) -> None:
    """What only a person is told (« je te tiens au courant », « tu vas me faire … », « je vais me débrouiller toute
    seule », « mon chum ») is asked about first, and the second opinion keeps that question as it does for someone
    called by name."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifteenth batch's run: « Il faut que je clique sur Suivant ou quoi, d'après toi ? »,
    # « Tu vois, fallait juste continuer, j'ai réussi. » went on and « Par e-mail ça arrive tout de suite, qu'il dit. On
    # essaie ? » chose the e-mail (evaluation half); « Attends, je t'écoute après, il me lit la liste des catégories. »
    # went on and « Tu vois, tu pouvais quitter, j'avais terminé. » left (tuning half)
    ("Je mets mon nom ici ou quoi, d'après toi ?", "step:demande-nom", "?details"),
    ("Par courrier c'est plus sûr, qu'il dit. On y va ?", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Il me demande un code, envoyé par mail qu'il dit.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("Tu vois, fallait juste appuyer sur Entrée.", "step:premiere-connexion", "none"),
    ("Attends, je t'écoute après, il me parle des catégories.", "step:les-categories", "?next"),
    ("Doucement, un mot après l'autre.", "step:demande-nom", "slower"),
    ("Monte d'un cran.", "step:demande-nom", "louder"),
    ("Vous voyez, je suis perdue.", "step:demande-nom", "help"),
    ("Tu vois, je comprends pas, répète.", "step:mes-paiements", "repeat"),
    ("Bon, le thé est bu, on redémarre.", "pause:saisir-numero", "resume"),
    ("On recommence tout depuis le début.", "pause:saisir-numero", "restart"),
    ("Redémarre le guide.", "step:mes-paiements", "restart"),
])
def test_found_by_the_hundred_and_fifteenth_run(text: str, context: str, expected: str) -> None:
    """An opinion asked (« d'après toi », « à ton avis »), « tu vois, fallait … », « je t'écoute après » are for
    someone else; so is the guide's own advice told with « qu'il dit » when no one else was spoken of before it
    (Ameli's words told to the guide are still an answer)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found while adding « ce qui vient après » (the 113th round): what comes next, named first and then not
    # understood through its pronoun, went on to the next step
    ("La suite, je l'ai pas comprise.", "step:demande-nom", "?next"),
    ("Ce qui vient après, je l'ai pas entendu.", "step:saisir-numero", "?next"),
    ("La suite, je l'ai tapée.", "step:demande-nom", "next"),
    ("La suite, s'il vous plaît.", "step:demande-nom", "next"),
    # noted at stop 45: without the pronoun, the same
    ("Et après, j'ai pas compris.", "step:saisir-code", "?next"),
    ("La suite, j'ai rien compris.", "step:demande-nom", "?next"),
    ("Et après ? J'ai pas entendu.", "step:saisir-numero", "?next"),
    ("J'ai pas compris, mais passons à la suite.", "step:demande-nom", "next"),
])
def test_what_comes_next_missed_is_no_wish_to_go_there(text: str, context: str, expected: str) -> None:
    """« la suite, je l'ai pas comprise », « et après, j'ai pas compris »: the person missed what came; the guide asks
    before it goes on."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    ("Je veux retourner à l'étape d'avant pour corriger mon texte.", "step:message-envoyer", "previous"),
    ("Reviens en arrière, je dois rectifier une faute.", "step:message-envoyer", "previous"),
    ("Revenez une étape en arrière, je veux le retoucher.", "step:message-envoyer", "previous"),
])
def test_correcting_is_a_reason_to_go_back(text: str, context: str, expected: str) -> None:
    """« pour corriger mon texte »: the reason of a move back, not the letter « courrier » it was once taken for."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # noted at the 125th round: the « pas » of « j'étais pas attentive » denied the request after it
    ("Je suis pas sûre, répétez.", "step:saisir-code", "repeat"),
    ("Excusez, j'étais pas attentive, recommencez ce que vous venez de dire.", "step:ouvrir-ameli", "repeat"),
    ("Quoi ? Recommencez votre phrase, j'étais pas là.", "step:deconnexion", "repeat"),
    ("Je ne suis plus toute jeune, parlez plus lentement.", "step:oubli-choix-envoi", "slower"),
    ("C'était pas si compliqué finalement.", "step:fin", "none"),
    ("Je suis pas connectée.", "step:valider-connexion", "none"),
])
def test_what_the_speaker_is_not_is_a_reason(text: str, context: str, expected: str) -> None:
    """« je suis pas sûre, répétez »: what the speaker is not, said right after « être », is the reason of the request,
    which the negation does not reach (not a degree, a place or a manner after it: « c'est pas si compliqué »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # noted at the 124th round: « Envoyez-le par la poste, j'ai pas d'internet sur le téléphone. » was missed
    ("Envoyez-le par lettre, ma fille me la lira.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("Envoyez-moi ça par la poste, mon fils me lira la lettre.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
    ("Envoyez-le par la poste, j'ai pas d'internet.", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Va chercher le courrier, toi.", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
])
def test_send_it_that_way_is_the_choice_with_its_reason(text: str, context: str, expected: str) -> None:
    """« envoyez-le par lettre, ma fille me la lira »: asked of whoever sends, the choice, and its reason beside it, as
    « par lettre, ma fille me la lira »; an errand (« va chercher le courrier ») still asks first."""
    assert meant(text, context) == expected


def test_a_lesson_told_after_the_fact_is_for_someone_else() -> None:
    """« tu vois, » then an imperfect (« fallait », « pouvais ») tells someone who watched what should have been done;
    « jamais » ends like an imperfect and is none, and the present asks the guide."""
    analyse = MATCHER.analyzer.analyse
    assert analyse("Tu vois, fallait juste appuyer sur Entrée.").elsewhere
    assert analyse("Tu vois, tu pouvais quitter.").elsewhere
    assert not analyse("Tu vois, j'y comprends jamais rien, répète.").elsewhere
    assert not analyse("Tu vois, je comprends pas, répète.").elsewhere


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and sixteenth batch's run (none of its evaluation half moved the guide): in a pause,
    # « C'était le facteur. Bon, où on en était ? Continue. » did not resume (evaluation half); « Il faut redemander un
    # nouveau code, qu'il dit. », « Ah, le voilà le message, enfin. », « Continue à lire, toi, moi j'envoie le
    # message. » moved the guide (tuning half)
    ("C'était ma voisine. Bon, où on en était ? Reprends.", "pause:saisir-numero", "resume"),
    ("Le papier où c'était écrit, je l'ai perdu.", "step:saisir-numero", "none"),
    ("Il faut demander un nouveau code, qu'il dit.", "step:confirmation-pas-recu", "?goto:oubli-lien"),
    ("Oh, le voilà le message, enfin !", "step:confirmation-boite-mail", "?goto:messages"),
    ("Ah la voilà, elle était dans le tas, on continue.", "step:oubli-courrier-attente", "next"),
    ("Continue à écouter, toi, moi je tape.", "step:demande-nom", "?next"),
    ("Lis la suite, toi, moi je tape.", "step:demande-nom", "?next"),
])
def test_found_by_the_hundred_and_sixteenth_run(text: str, context: str, expected: str) -> None:
    """« où on en était » after a sentence that ends on a noun is the expression that resumes, no relative clause;
    « il faut … » is no one spoken of before a « qu'il dit »; a thing found and named (« le voilà le message ») is
    exclaimed, « voilà » though a filler; « toi » set apart beside an order is someone of the house."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and seventeenth batch's run (none of its evaluation half moved the guide): « Mais c'était
    # quoi, déjà, le mot de passe de ma messagerie... » went to the Ameli messages (tuning half); « Plus fort,
    # Micheline, … » raised the voice and « Tout doux, tout doux, plus lentement. » was missed (evaluation half)
    ("C'était quoi, le mot de passe de ma messagerie, déjà ?", "step:confirmation-boite-mail", "none"),
    ("Je veux lire ma messagerie.", "step:page-accueil", "goto:messages"),
    ("Moins fort, Odile, on s'entend plus !", "step:saisir-numero", "?softer"),
    ("Tout doux, plus lentement.", "step:borne-medecin", "slower"),
    ("Tout doux, moins de volume.", "step:borne-medecin", "softer"),
])
def test_found_by_the_hundred_and_seventeenth_run(text: str, context: str, expected: str) -> None:
    """The password of one's own messagerie is the e-mail box's, not a part of the guide; « tout doux » says only that
    what follows is wanted gently."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and eighteenth batch's run: « Il faut cliquer sur Suivant, c'est ça ? Montre-moi. » and
    # « Elle marche plus depuis que je l'ai mise à la machine, cette carte. » went on (evaluation half); « …, merci
    # Paulo. » opened the sommaire
    ("Il faut cliquer sur Suivant, hein ? Montre-moi.", "step:demande-suivant", "?next"),
    ("Il faut passer à la suite ? Montre-moi.", "step:demande-suivant", "?next"),
    ("Suivant, montre-le-moi.", "step:demande-suivant", "?next"),
    ("Montre-moi le sommaire.", "step:demande-suivant", "menu"),
    ("Et si j'oublie mon code, je fais comment ? Montrez-moi.", "step:page-accueil", "goto:oubli-lien"),
    ("Elle a plus marché depuis que je l'ai mise dans la machine.", "step:objet-carte-vitale", "none"),
    ("Ça tourne depuis que j'ai validé.", "step:valider-connexion", "none"),
    ("C'est fait, j'ai validé.", "step:valider-connexion", "next"),
    ("Le menu, c'est ça ? Merci Paulo.", "step:ouvrir-rubriques", "?menu"),
])
def test_found_by_the_hundred_and_eighteenth_run(text: str, context: str, expected: str) -> None:
    """Someone asked to show (« montre-moi » said last, « tu peux me montrer ? ») points at what is in front of us,
    which the guide cannot do; what was done in a clause that says since when (« depuis que je l'ai mise … ») is a
    story, not the step done; « Paulo » is someone of the house."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and nineteenth batch's run: « Oui, c'est bon, tu peux raccrocher, je continue toute
    # seule. » went on (evaluation half), « Six chiffres, rien que ça, on s'en souviendra jamais. » went to the
    # forgotten code (tuning half); « J'ai toujours pas reçu le message. », « T'as pas une voix plus forte ? »,
    # « Recommencez ce que vous venez de dire, … » were missed
    ("C'est fait, tu peux raccrocher maintenant.", "step:valider-connexion", "?next"),
    ("Bon, je continue tout seul, on passe à la suite ?", "step:demande-nom", "?next"),
    ("On s'en rappellera jamais, de tous ces chiffres.", "step:confirmation-taper", "?goto:oubli-lien"),
    ("J'ai oublié mon code, je le retrouverai jamais.", "step:saisir-code", "goto:oubli-lien"),
    ("Je m'en souviendrai jamais, de ce code.", "step:confirmation-taper", "no"),
    ("Ça m'intéresse pas trop, passons.", "step:borne-medecin", "next"),
    ("Mais j'ai pas reçu le message, moi !", "step:confirmation-taper", "goto:confirmation-pas-recu"),
    ("Vous avez pas une voix plus douce ?", "step:demande-suivant", "softer"),
    ("T'as pas un code ?", "step:demande-suivant", "none"),
    ("Recommence ce que tu viens de dire.", "step:page-accueil", "repeat"),
    ("Recommencez depuis le début.", "step:page-accueil", "restart"),
    ("Bon, je veux entendre toutes les parties, on verra bien.", "step:objet-invalidite", "menu"),
])
def test_found_by_the_hundred_and_nineteenth_run(text: str, context: str, expected: str) -> None:
    """Hanging up is said on the telephone, going on alone to someone who leaves; forgetting said in the future is a
    fear, not the code forgotten (the third person's « -ra » is a future too, but « on verra bien » is a shrug); a
    verb that asks nothing still takes the negation just after it (not the code it names later: « je m'en
    souviendrai jamais, de ce code »); the confirmation's message not received at the step that types its code;
    « t'as pas … plus fort ? » asks; what was just said, after « recommencer », is said again."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twentieth batch's run (no sentence moved the guide on either half): « Je vais leur
    # écrire un message, tu me corriges les fautes ? » went to the step being read (evaluation half); « Allez-y plus
    # tranquillement, svp. » went on, « Oh, il y a mon nom en haut, … » raised the voice, « Ça m'arrive tout le temps,
    # d'oublier ces trucs. » paused, « Allez à la partie j'ai oublié mon code. » and « Bon, reviens comme t'étais, … »
    # were missed (tuning half)
    ("Tu me corriges les fautes après ?", "step:ecrire-message", "?next"),
    ("Lisez plus tranquillement, s'il vous plaît.", "step:valider-connexion", "slower"),
    ("Je vais taper mon message tranquillement, attendez-moi.", "step:message-rediger", "pause"),
    ("Il y a marqué bonjour tout en haut.", "step:page-accueil", "none"),
    ("Mets le son plus haut.", "step:page-accueil", "louder"),
    ("Ils changent tout le temps les codes, ceux-là.", "step:saisir-code", "none"),
    ("Remets-toi comme t'étais avant.", "step:message-rediger", "normal"),
    ("Emmenez-moi à la rubrique mes paiements.", "step:demande-nom", "goto:mes-paiements"),
    ("Va à la partie je n'ai pas de code.", "step:demande-nom", "goto:pas-de-code-lien"),
    ("La partie d'après.", "step:demande-nom", "next"),
])
def test_found_by_the_hundred_and_twentieth_run(text: str, context: str, expected: str) -> None:
    """Correcting one's spelling is asked of a person; « tranquillement » is a pace, but the speaker's own when said of
    what they are going to do; « en haut » is a place and « tout le temps » always, no voice nor pause; « comme
    t'étais » is the voice as it was; a part named right after « la partie », « la rubrique » is that part."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-first batch's run: « Zut, j'ai plus de timbres… ah non, c'est eux qui
    # envoient. » went on (evaluation half), « Bon, on envoie ? T'es d'accord, c'est bien écrit ? » too (tuning half);
    # « La voix comme tout à l'heure, s'il vous plaît. », « Je n'en possède pas. » were missed
    ("C'est eux qui envoient la lettre, pas moi.", "step:oubli-courrier-valider", "none"),
    ("Voilà, c'est envoyé.", "step:message-envoyer", "next"),
    ("J'envoie, t'es d'accord ?", "step:message-envoyer", "?yes"),
    ("Remettez la voix comme tout à l'heure.", "step:valider-connexion", "normal"),
    ("J'en possède un, oui.", "step:avez-vous-un-code", "yes"),
    ("Je n'en possède pas.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
])
def test_found_by_the_hundred_and_twenty_first_run(text: str, context: str, expected: str) -> None:
    """In « c'est eux qui envoient » the « est » is no auxiliary: the « qui » is the verb's subject, nothing done;
    someone's agreement is asked of a person; « comme tout à l'heure » is the voice as it was; « posséder » is
    having."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-second batch's run (none of its evaluation half moved the guide): « Depuis que
    # j'ai déménagé, je mélange toujours les deux codes postaux. » went to « mes informations » and « Ah ben enfin,
    # j'y suis arrivé tout seul. » went on (tuning half), the third time for each kind
    ("Ça y est, j'y suis arrivée toute seule !", "step:page-accueil", "?next"),
    ("Voilà c'est fait, j'ai mis mon code tout seul.", "step:saisir-code", "next"),
    ("Depuis qu'on a déménagé, je me trompe toujours de code postal.", "step:demande-code-postal",
     "?goto:mes-informations"),
    ("Je voudrais vérifier mon adresse, depuis que j'ai déménagé.", "step:borne-medecin", "goto:mes-informations"),
    ("Depuis que j'ai oublié mon code, je peux plus me connecter.", "step:saisir-code", "goto:oubli-lien"),
])
def test_found_by_the_hundred_and_twenty_second_run(text: str, context: str, expected: str) -> None:
    """Pride in having done it alone (« j'y suis arrivée toute seule ») is said to the house, not a report to the
    guide (what was done alone still is: « j'ai mis mon code tout seul »); a part named only inside a « depuis que »
    clause tells since when, and the guide asks (not when the rest of the sentence names it too, nor a branch named
    there: « depuis que j'ai oublié mon code »)."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-third batch's run: « Oh ben ça alors, j'y suis arrivée ! » went on (tuning
    # half); « Tu peux me lire le numéro sur ma carte ? J'y vois rien. », « …, c'est là qu'on va demander ta carte. »
    # were acted on
    ("Ah ben ça alors, c'est fait !", "step:saisir-code", "?next"),
    ("Oh ben ça alors, je suis dedans ! Qu'est-ce qu'on fait ensuite ?", "step:page-accueil", "next"),
    ("Tu me lis le numéro de la carte ? Je vois rien.", "step:demande-numero", "?details"),
    ("Une petite pause, ma voisine va venir me lire le numéro.", "step:saisir-numero", "pause"),
    ("C'est ici qu'on commande ta carte, regarde.", "step:mes-demarches", "none"),
])
def test_found_by_the_hundred_and_twenty_third_run(text: str, context: str, expected: str) -> None:
    """Astonishment (« ça alors ») beside a report of the step done is said for oneself: asked first, unless going on
    is asked too; the card's number read aloud is asked of a person (not when someone else will come to read it);
    « ta carte » is someone's."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-fourth batch's run: « Il faut appuyer sur le bouton Suivant, tu me montres où il
    # est ? », « Le courrier, ça met huit jours, hein, dis ? », « Allez, on passe à la suite, tu me surveilles que je
    # me trompe pas. », « Tu peux continuer à lire la carte ? … » moved the guide (evaluation half), « Tu te
    # déconnectes bien après, hein, … » too (tuning half); « …, je suis habituée. » and « Racontez-m'en … » were missed
    ("Tu me montres où il est, le bouton ?", "step:demande-suivant", "?details"),
    ("Montre-moi le sommaire.", "step:demande-suivant", "menu"),
    ("Par la poste, ça met du temps, hein, dis ?", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Tu me surveilles, hein, je tape mon code.", "step:saisir-code", "none"),
    ("Continue à lire la carte, je suis au cinquième chiffre.", "step:demande-numero", "?next"),
    ("Tu te connectes après moi, d'accord ?", "step:ecran-connexion", "?next"),
    ("Plus vite, je suis habitué.", "step:les-categories", "faster"),
    ("Comme d'habitude, la voix.", "step:les-categories", "normal"),
    ("Racontez-m'en plus.", "step:borne-medecin", "details"),
])
def test_found_by_the_hundred_and_twenty_fourth_run(text: str, context: str, expected: str) -> None:
    """Showing, watching over the speaker, reading the card, logging oneself in or out are asked of a person, or told
    of one; « hein, dis ? » said last asks someone's agreement; « je suis habituée » is a reason, not the usual voice;
    « racontez-m'en » asks more."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-sixth batch's run: « C'est écrit J'accède à mon compte, tu vois bien. » went on
    # (evaluation half), « Il faut cliquer sur suivant, qu'il dit, mais c'est le bouton du site, pas lui. » too
    # (tuning half)
    ("Je suis dedans, tu vois bien.", "step:code-confirmation", "?goto:page-accueil"),
    ("Faut valider, qu'il dit, mais je trouve pas le bouton.", "step:valider-connexion", "?details"),
    ("Il me demande mon code, qu'il dit, mais je l'ai pas.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    # and « Tu veux que je recommence pour te montrer ? » restarted the guide (evaluation half)
    ("Tu veux que je te montre encore ?", "step:fin", "none"),
    ("Tu veux que je recommence pour te montrer ?", "step:page-accueil", "?restart"),
])
def test_found_by_the_hundred_and_twenty_sixth_run(text: str, context: str, expected: str) -> None:
    """« tu vois bien » said last shows someone what is in front of us, and keeps the rules' question as the words
    only a person is told do; the guide's words told with « qu'il dit » before a « mais » that opens the speaker's own
    clause are told to someone (not Ameli's, told to the guide); « tu veux que je … » offers a person something."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-seventh batch's run: « je savais même pas qu'il en fallait un » chose « j'ai mon
    # code », « un » read as the first choice (evaluation half)
    ("je savais pas qu'il fallait un code", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("je savais même pas qu'il y avait un code", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    # « Ameli point quoi ? Redites-moi ça. » was not understood: « point » negated the order (tuning half)
    ("Ah, le site, c'est ameli point quoi ? Répétez-moi ça.", "step:ouvrir-ameli", "repeat"),
    ("ch'est point si compliqué que cha", "step:page-accueil", "none"),   # « point » still negates in the Nord
    # « je ne veux pas faire ça aujourd'hui, fermez-vous » was not understood (tuning half)
    ("Je ne veux pas faire ça aujourd'hui, fermez le guide.", "step:bienvenue", "quit"),
    ("je veux pas faire ça", "step:bienvenue", "none"),
    # « Excusez, la bouilloire sifflait, vous voulez bien me relire ça ? » was asked (evaluation half)
    ("Excusez, le téléphone sonnait, vous pouvez me relire ça ?", "step:saisir-code", "repeat"),
    ("Vous me refaites l'explication, j'étais au téléphone ?", "step:saisir-code", "repeat"),
    ("Pressez un peu votre débit, je vais m'endormir.", "step:saisir-code", "faster"),
    # « Reprends ton manteau, Nico, il va pleuvoir. » resumed the guide in a pause (evaluation half)
    ("Reprends ton sac, Seb, on y va.", "pause:saisir-code", "?resume"),
])
def test_found_by_the_hundred_and_twenty_seventh_run(text: str, context: str, expected: str) -> None:
    """« un » before its noun is its article, even when the noun is negated, never the first choice; « point » is
    the dot of an address after « ameli » or before « fr », « quoi »; « faire ça », refused, is a clause of its own
    that leaves the order after it; « excusez » said first is an apology; a short name said to someone is a hail."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-eighth batch's run: « Non merci, finalement je ne veux pas le faire, fermez le
    # guide. » was a « non » (tuning half)
    ("Non merci, je veux pas le faire aujourd'hui, fermez le guide.", "step:bienvenue", "quit"),
    ("je veux pas le faire", "step:valider-connexion", "none"),
    # « Mon petit, fais une pause, tu travailles trop, viens boire un jus. » paused the guide (tuning half)
    ("Fais une pause, tu travailles trop, viens manger.", "step:mes-demarches", "?pause"),
    # « Oui, oui, j'arrête, je suis trop fatiguée. » at « Voulez-vous vraiment quitter ? » was asked again
    ("Oui, j'arrête là, je suis fatiguée.", "oui-non", "yes"),
    # « Je veux voir ce qu'ils m'ont payé ces derniers temps. », « pas le moindre message » were not understood
    ("Je voudrais voir ce qu'on m'a remboursé dernièrement.", "step:les-categories", "goto:mes-paiements"),
    ("Toujours pas le moindre message, rien du tout.", "step:confirmation-boite-mail", "goto:confirmation-pas-recu"),
    # « Attendez, attendez, la question, vous pouvez la reposer ? » was asked as a pause
    ("La question, vous voulez bien la reposer ?", "step:objet-message", "repeat"),
])
def test_found_by_the_hundred_and_twenty_eighth_run(text: str, context: str, expected: str) -> None:
    """« le faire », refused, is a clause of its own as « faire ça » is; « viens » or « venez » before an infinitive
    after the start calls someone of the house; « je suis fatiguée » is a reason; « le moindre » negates like « de »,
    « ces derniers temps » says when; « la reposer » asks the question again."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and twenty-ninth batch's run: « La voisine a encore mis sa musique trop fort. » turned the
    # guide down, « Tu sais, Gaby, ce guide, il m'aide bien » gave the help (tuning half)
    ("Mon fils a encore mis sa télé trop fort.", "step:demande-nom", "none"),
    ("baisse sa voix", "step:demande-nom", "softer"),   # « sa voix », the guide's: still its voice
    ("Tu sais, Zaza, il m'aide bien, ce guide.", "step:oubli-courrier-attente", "?help"),
    # « Reviens sur ce que tu viens de dire » went back a step; « Ma mémoire me joue des tours, je ne le retrouve
    # plus, ce code. » gave the details (evaluation half)
    ("Revenez sur ce que vous venez de dire, je n'ai pas suivi.", "step:mes-demarches", "repeat"),
    ("Ma mémoire me joue des tours, ce code, pfff.", "step:avez-vous-un-code", "goto:oubli-lien"),
    # « Redis voir, le tracteur du voisin passait sous la fenêtre. » was not understood (tuning half)
    ("Répète, le camion du boulanger passait devant chez moi.", "step:premiere-connexion", "repeat"),
])
def test_found_by_the_hundred_and_twenty_ninth_run(text: str, context: str, expected: str) -> None:
    """A setting said of a third person's thing (« sa musique trop fort ») is not the voice's; a short name is a
    hail; « revenir sur ce que vous venez de dire » repeats; « ma mémoire me joue des tours » forgets; a noun with its
    owner then a verb in the imperfect (« le tracteur du voisin passait ») is a clause of its own, a reason."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirtieth batch's run: « Allez, reprends ta place, Pistache, couché dans ton panier. »
    # and « Oui docteur, je reprends le traitement demain matin, c'est noté. » resumed a pause (evaluation half)
    ("Reprends ton écharpe, il fait froid.", "pause:saisir-code", "none"),
    ("Oui docteur, je reprends les cachets ce soir.", "pause:saisir-code", "none"),
    ("reprends ta voix normale", "step:saisir-code", "normal"),   # what the guide knows, taken back: still its own
    ("je cherche un nouveau docteur", "step:page-accueil", "goto:borne-medecin"),   # « docteur » spoken of
    # « Moi l'internet, les mails, je les lis jamais, mettez le courrier. » chose the e-mail (evaluation half)
    ("les mails, je les lis jamais", "step:oubli-choix-envoi", "?goto:oubli-courrier"),
    ("Le message, je l'ai toujours pas reçu.", "step:confirmation-taper", "goto:confirmation-pas-recu"),
])
def test_found_by_the_hundred_and_thirtieth_run(text: str, context: str, expected: str) -> None:
    """« reprendre » a thing the lexicon does not know, after its determiner, takes that thing back, the guide is
    not resumed; « Docteur » and pets' names are hails (not after « nouveau », « autre »); a noun said first and taken
    up by « le », « la », « les » before the speaker's negated verb is what the verb negates."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-first batch's run: « Suivant ce que dit la météo, il faudra arroser demain. »
    # went on, « Mamama, tu reprends un bout de kougelhopf ? » resumed (evaluation half)
    ("Suivant ce que dit le journal, il va pleuvoir.", "step:saisir-code", "none"),
    ("Tu reprends une part de tarte ?", "pause:saisir-code", "none"),
    ("on reprend le fil", "pause:saisir-code", "resume"),
    # « Ça me vrille les oreilles, votre voix, mettez-la plus bas. » and « Pressez un peu, … » were not understood
    ("Votre voix, mettez-la plus bas, s'il vous plaît.", "step:messages", "softer"),
    ("Pressez un peu, je connais déjà tout ça.", "step:messages", "faster"),
])
def test_found_by_the_hundred_and_thirty_first_run(text: str, context: str, expected: str) -> None:
    """« suivant ce que » says « according to »; « reprendre un », « reprendre une » takes back a thing; « mettez-la
    plus bas »: « la » after « mettez » is the voice put lower, not « la plus basse »; « pressez un peu » speeds up."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-second batch's run: « Tiens, le soleil est revenu, ça fait du bien au moral. »
    # resumed a pause (evaluation half); « Hopla, encore un lundi qui commence. » was read again (tuning half)
    ("Oh, la pluie est revenue.", "pause:saisir-code", "none"),
    ("je suis revenue", "pause:saisir-code", "resume"),
    ("encore un lundi, pfff", "step:messages", "none"),
    ("encore une fois", "step:messages", "repeat"),
    ("J'ai oublié mon code, encore une fois, tu te moques pas, hein.", "step:oubli-lien", "?goto:oubli-lien"),
])
def test_found_by_the_hundred_and_thirty_second_run(text: str, context: str, expected: str) -> None:
    """Back or ready, said of a thing the lexicon does not know, is news of that thing, not the speaker ready to go
    on; « encore un », « encore une » before a thing is one more of it, not « again »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-third batch's run: « Je me souviens, avant, on allait à la caisse avec la feuille
    # de soins et c'était réglé. » went back a step, « Ah, les nouvelles à la radio, toujours la même chose. » was read
    # again (tuning half)
    ("Je me rappelle, avant, on envoyait tout par la poste.", "step:fin", "none"),
    ("Les factures, toujours la même chose.", "step:messages", "none"),
    ("la même chose", "step:messages", "repeat"),
    # « Mets le troisième, mon gars. » was not understood (evaluation half)
    ("Le deuxième, mon gars.", "step:oubli-choix-envoi", "goto:oubli-courrier"),
])
def test_found_by_the_hundred_and_thirty_third_run(text: str, context: str, expected: str) -> None:
    """« avant » before a subject and its imperfect says « in the old days » wherever it stands; « toujours la même
    chose » is a complaint; « mon gars » is said to the guide as « ma belle » is."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-fourth batch's run: « Parle plus fort, Jeanine, le téléphone grésille. » turned
    # the voice up (tuning half)
    ("Parle plus fort, Jeanine, on t'entend pas.", "step:messages", "?louder"),
])
def test_found_by_the_hundred_and_thirty_fourth_run(text: str, context: str, expected: str) -> None:
    """« Jeanine », spelt so, is a hail as « Janine » and « Jeannine » are."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-fifth batch's run: « Mince, j'ai laissé le gaz allumé ? Non, c'est bon, il est
    # éteint. » went on (evaluation half), as the hundred and thirty-fourth's « … Ah non, c'est bon. » had
    ("Oh là, j'ai laissé le four allumé ? Non, c'est bon.", "step:saisir-code", "none"),
    ("J'ai fermé le robinet ? Ah non, c'est bon.", "step:saisir-code", "none"),
    ("plus vite, euh non, plus lentement", "step:saisir-code", "slower"),   # a correction still
    ("Wie bitte ? Ah pardon, vous pouvez répéter ça ?", "step:saisir-code", "repeat"),
    # « Ce site, c'est quand même mieux fait qu'avant. » went on (tuning half)
    ("C'est quand même mieux fait qu'avant, ce site.", "step:ecran-connexion", "none"),
    ("parle plus vite qu'avant", "step:ecran-connexion", "faster"),
    # « ok jsuis la continue » was asked in a pause (tuning half): « la » after « suis » is « là »
    ("bon jsuis la, continue", "pause:ecrire-message", "resume"),
    ("dis, tu sais où elle est la loupe ?", "step:demande-nom", "?details"),
])
def test_found_by_the_hundred_and_thirty_fifth_run(text: str, context: str, expected: str) -> None:
    """Words the guide does not know, then « non, c'est bon » and nothing more, answer a worry aloud: nothing is
    corrected and no step is said done; « mieux fait » is an opinion; « avant » after « que » and a comparison is
    « than before »; « la » after « suis » is « là », not the article of a noun made of a verb."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-sixth batch's run (evaluation half): « La première connexion, parce que je n'y
    # suis jamais allée. » went to the first part of the summary, the welcome: the ordinal is a word of the name
    ("La première connexion, je n'y suis encore jamais allée.", "menu", "goto:premiere-connexion"),
    ("le premier", "menu", "goto:bienvenue"),
    ("la deuxième, je l'ai reçu mais je le retrouve pas", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    # « Ça y est, je suis dans mon compte, rien ne m'a été demandé. » answered yes (a code asked) at « Ameli vous
    # demande-t-elle un code de confirmation ? »: the choice named beside it, with one light word left, says more
    ("C'est bon, je suis dans mon compte, rien ne m'a été demandé.", "step:code-confirmation", "goto:page-accueil"),
    # « Ça suffit, je quitte, on verra ça avec ma fille dimanche. » was not understood: « ça » after « verra » is its
    # object, and the clause the speaker's own reason
    ("Je quitte, on verra ça avec mon fils samedi.", "step:objet-resilier", "quit"),
    # « Absolument, fermez tout, je vais me coucher. » was asked again at « Voulez-vous vraiment quitter ? »
    ("Oui, fermez tout, je vais au lit.", "oui-non", "yes"),
    # « Lentement, lentement, ma tête ne suit plus. »: a noun and its « ne » start a clause, the reason
    ("Lentement, lentement, mes oreilles ne suivent plus.", "step:objet-message", "slower"),
    ("Calmez un peu la vitesse, je n'arrive pas à suivre.", "step:objet-message", "slower"),
    ("calme-toi", "step:objet-message", "none"),   # said to a person or a dog: no setting named
    # « Je me suis trompée d'objet, on peut revenir au pas d'avant ? » was asked (tuning half): « au pas » is a step
    ("On peut revenir au pas d'avant ?", "step:objet-maternite", "previous"),
    ("Je voudrais revenir une étape plus tôt, s'il vous plaît.", "step:ouvrir-rubriques", "previous"),
    # « J'ai compris que ça sert à créer le compte, avançons. » was asked (tuning half): what was understood is said
    ("J'ai compris que ça sert à se connecter, on avance.", "step:demande-page", "next"),
    ("Allez, encore un coup, rien ne me rentre dans la tête aujourd'hui.", "step:oubli-email-boite", "repeat"),
    ("Dites-moi les mots que tu connais, j'ai oublié.", "step:oubli-email-valider", "help"),
])
def test_found_by_the_hundred_and_thirty_sixth_run(text: str, context: str, expected: str) -> None:
    """An ordinal that is a word of a choice's name is no rank; a choice named beside « ça y est » at a question says
    more than the « oui »; « ça » after a verb in « -ra » is its object; leaving said twice at the quit question is
    said once; « rien ne », « personne ne » and a noun before « ne » start a clause; « au pas d'avant » is a step;
    « j'ai compris que … » before a request acknowledges."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-seventh batch's run (evaluation half): « Pouvez-vous me redire ce dernier message,
    # s'il vous plaît ? » went to the part « les messages »: « ce dernier message » is what the guide said
    ("Tu peux me redire ton dernier message ?", "step:fin", "repeat"),
    ("Je veux lire le dernier message de la caisse.", "step:page-accueil", "goto:messages"),
    # « C'est la page d'accueil qui s'est ouverte, y a pas eu de code. » was asked as a « oui » at « Ameli vous
    # demande-t-elle un code de confirmation ? »: no code there is the page of the account
    ("Pas de code, je suis arrivée sur l'accueil.", "step:code-confirmation", "goto:page-accueil"),
    ("Aucun code, ça s'est ouvert tout seul.", "step:code-confirmation", "goto:page-accueil"),
    ("Oui, il me demande un code.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    # « Plus fort, Élise, je t'entends pas d'ici avec l'aspirateur ! » turned the voice up: a name between commas
    # in a line said to « tu » calls someone of the house
    ("Moins vite, Ginette, tu vas me donner le tournis !", "step:confirmation-taper", "?slower"),
    ("Valider, Entrée, c'est fait. Ensuite ?", "step:confirmation-taper", "next"),
    ("Vu. Continuons.", "step:mes-informations", "next"),
    # « Qu'est-ce que je vais leur raconter, moi, à la caisse... » asked for details: « leur raconter » is no
    # « raconte-moi » misspelt
    ("Qu'est-ce que je vais lui raconter, moi, au docteur...", "step:ecrire-message", "none"),
    ("raconte-moi", "step:ecrire-message", "details"),
    # « Finalement je préfère attendre ma fille, vous pouvez arrêter le guide. »: « vous » and its verb start a clause
    ("Je préfère attendre mon fils, vous pouvez fermer le guide.", "step:bienvenue", "quit"),
    ("Au revoir, j'ai mon rendez-vous chez le médecin.", "step:bienvenue", "quit"),
    # tuning half: « Dites-m'en un peu plus, je ne vois pas de quoi il retourne. » was not understood
    ("Dis-m'en un peu plus, je vois pas de quoi il retourne.", "step:demande-ensuite", "details"),
    ("Un ton en dessous, s'il te plaît.", "step:mes-demarches", "softer"),
    ("pl vite stp", "step:mes-demarches", "faster"),
    ("prec", "step:message-envoyer", "previous"),
])
def test_found_by_the_hundred_and_thirty_seventh_run(text: str, context: str, expected: str) -> None:
    """« ce dernier message » is what the guide said; no code at the question of the code is the account's page; a
    name between commas in a line said to « tu » calls someone; an infinitive after « leur », « lui » is no
    imperative misspelt; « vous » and a verb in « -ez » start a clause."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-eighth batch's run: « Baisse un peu, tu vas réveiller le petit. » was not
    # understood: a degree verb alone, then a clause of its own, its reason
    ("Baisse un peu, tu vas faire peur au chat.", "step:demande-page", "softer"),
    ("Remontez d'un cran, j'ai raté le numéro.", "step:oubli-naissance", "previous"),   # going back, as before
    ("Revenons en arrière, nom d'une pipe, j'ai loupé un bout.", "step:page-accueil", "previous"),
    # tuning half: « Non merci, je ne veux pas de ce guide, fermez-le. » said no: the guide refused is a clause of its own
    ("Je veux pas de ce guide, fermez-le.", "step:bienvenue", "quit"),
    # « ca marche pas jme rappel plus du code » asked for details: « rappel » is « rappelle », and a part of the guide
    # named in full in the speaker's own clause is no reason for details
    ("jme rappel plus de mon code", "step:saisir-code", "goto:oubli-lien"),
    ("ça marche pas, je me souviens plus de mon code", "step:valider-connexion", "?goto:oubli-lien"),
    ("Expliquez-moi ça mieux, ce code de confirmation.", "step:code-confirmation", "details"),
    # found while fixing it: « Mais il est où, ce message, nom d'un chien. » went to the part « les messages » (a first
    # version, tuning half of the ninety-seventh): a thing looked for aloud is asked about
    ("Il est où ce message, bon sang ?", "step:oubli-email-boite", "?goto:messages"),
    ("Où sont mes messages ?", "step:page-accueil", "goto:messages"),
])
def test_found_by_the_hundred_and_thirty_eighth_run(text: str, context: str, expected: str) -> None:
    """A degree verb alone before a clause of its own lowers or raises the voice (not « remonter », « descendre »,
    which go back too); « je ne veux pas de ce guide » is a refusal of its own; « rappel » after « me » is the verb; a
    thing looked for aloud (« il est où, ce … ») is no part of the guide asked for."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and thirty-ninth batch's run (evaluation half): « Ne parlez pas si vite, madame Leroy, je
    # note votre numéro de téléphone. » slowed the voice: a title and a name call someone
    ("Plus fort, monsieur Girard, je vous entends mal.", "step:demande-nom", "?louder"),
    ("Plus fort, madame, je vous entends mal.", "step:demande-nom", "louder"),   # the guide is called « madame » too
    # « Fermez le programme, je vous prie, l'infirmière vient d'arriver. » was not understood: the guide named in
    # the request, what someone else does is its reason
    ("Éteignez le programme, le taxi vient d'arriver.", "step:ecran-connexion", "quit"),
    ("ferme la porte, il fait froid", "step:ecran-connexion", "none"),
    ("jai besoin dun nouveau code stp", "step:ouvrir-ameli", "goto:oubli-lien"),
    ("Oh là, tu parles comme une mitraillette.", "step:oubli-choix-envoi", "slower"),
    # tuning half: « Je vais arrêter là, j'ai plus la tête à ça. » paused; « Un peu plus de volume, pardon, je suis
    # dure d'oreille. » was not understood (a « pardon » after the request excuses it, and corrects nothing when
    # nothing the guide knows follows); « Et là, qu'est-ce que je peux vous demander encore ? » repeated
    ("On va arrêter là, j'ai plus la tête à ça.", "step:oubli-choix-envoi", "quit"),
    ("Plus fort, pardon, j'entends plus très bien.", "step:oubli-email-boite", "louder"),
    ("plus vite, pardon, plus lentement", "step:oubli-email-boite", "slower"),
    ("Qu'est-ce que je peux vous dire encore ?", "step:fin", "help"),
])
def test_found_by_the_hundred_and_thirty_ninth_run(text: str, context: str, expected: str) -> None:
    """« madame Leroy » calls someone; the guide named in a request to leave takes any reason beside it; « pardon »
    after a request excuses it; « encore » after « je peux vous demander » is « else »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fortieth batch's run (evaluation half): « Suivant le temps qu'il fera demain, j'irai au
    # marché ou pas. » went on to the next step: « suivant le … que/qui » is « according to », and « le temps qu'il
    # fera » the weather, no « le temps que je … » asking for a pause
    ("Suivant la météo qu'ils annoncent, on ira chez ma sœur.", "step:demande-naissance", "none"),
    ("Suivant le temps qu'il fait, je sortirai le chien.", "step:demande-naissance", "none"),
    ("Attendez le temps que je retrouve mes lunettes.", "step:demande-naissance", "pause"),
    ("suivant", "step:demande-naissance", "next"),
    # « Onze sujets, c'est beaucoup, lisez-les plus lentement. »: « les » after an order, then « plus », is its object
    ("Douze choix, lisez-les plus lentement.", "step:objet-message", "slower"),
    ("C'est le plus rapide des deux.", "step:demande-naissance", "none"),
    # « Je vais écouter le message d'Ameli, mettez-vous en attente pendant ce temps. » was not understood
    ("Je vais chercher ma carte, mettez-vous en attente pendant ce temps.", "step:demande-ensuite", "pause"),
    ("vous me la reposez ?", "step:code-confirmation", "repeat"),   # tuning half
])
def test_found_by_the_hundred_and_fortieth_run(text: str, context: str, expected: str) -> None:
    """« suivant le … que » is « according to »; « le temps qu'il fera » is the weather; « lisez-les plus lentement »
    is the voice; « pendant ce temps » says when; « vous me la reposez » asks the question again."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-first batch's run (evaluation half): « Je suis trop fatiguée, je vais me coucher.
    # Vous pouvez arrêter, merci de votre patience. » was asked; « On m'a jamais rien envoyé, nous autres, j'ai point
    # de code. » was not understood
    ("Je vais me coucher, vous pouvez arrêter, merci pour votre patience.", "step:demande-nom", "quit"),
    ("On a jamais rien reçu, nous autres.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    # tuning half: « Bon, huit jours, j'attendrai, ça ne presse pas. Continuez. »: « ça » before « ne » is a subject
    ("J'attendrai, ça ne presse pas. Continuez.", "step:oubli-courrier-attente", "next"),
    ("presse un peu", "step:oubli-courrier-attente", "faster"),
    ("Quo ? T'as dit quo ?", "step:oubli-courrier", "repeat"),
])
def test_found_by_the_hundred_and_forty_first_run(text: str, context: str, expected: str) -> None:
    """« merci de votre patience », « nous autres » say nothing more; « ça ne presse pas »
    is no voice; « quo » is « quoi » in the Nord."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-second batch's run (evaluation half): « Non, j'ai jamais eu de code, moi, c'est ma
    # fille qui s'occupait de tout. » and « Allez, basta, on s'arrête définitivement, j'ai plus la tête à ça. » were not
    # understood; « Ben oui, ferme, je t'ai dit. » did not leave; « C'est tapé, je suis prête pour ce qui vient après,
    # excusez ma lenteur. » was asked
    ("Non, j'ai jamais eu de code, c'est mon mari qui s'occupait des papiers.", "step:avez-vous-un-code",
     "goto:pas-de-code-lien"),
    ("je l'avais noté mais j'ai perdu le papier", "step:avez-vous-un-code", "goto:oubli-lien"),   # not a reason
    ("Basta, on arrête.", "step:objet-invalidite", "quit"),
    ("Oui, quitte, je vous l'ai dit.", "oui-non", "yes"),
    ("C'est fait, on passe à la suite, excusez ma lenteur.", "step:saisir-code", "next"),
    ("J'ai tout écouté, vous pouvez poursuivre votre explication.", "step:les-categories", "next"),
    # tuning half: « Vous parlez comme un commentateur de tiercé, ralentissez un peu. »: what the guide does, said
    # first, is a clause of its own
    ("Vous parlez comme un présentateur de la météo, ralentissez un peu.", "step:objet-message", "slower"),
    ("Vous criez un peu, là, parlez plus doucement en volume.", "step:oubli-email", "softer"),
    ("Le neuvième, je crois que c'est ça.", "step:objet-message", "goto:objet-remboursement"),
    ("Onze choix, et aucun ne correspond vraiment, forcément.", "step:objet-message", "none"),
    ("Retrouvez votre rythme habituel.", "step:borne-medecin", "normal"),
    # « Hmm, Tab, Tab, Tab... et voilà. » moved to the next step: keys counted aloud, at the page
    ("Tab, Tab, Tab, et voilà.", "step:ecran-connexion", "?next"),
    ("passez, passez", "step:borne-medecin", "next"),
])
def test_found_by_the_hundred_and_forty_second_run(text: str, context: str, expected: str) -> None:
    """At a question, the speaker's remark is a reason, not another answer; « basta » leaves; « je vous l'ai dit »
    insists; « vous parlez comme … » is a clause of its own; a rank then « c'est ça » picks it; keys counted aloud
    and then « voilà » are asked about."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-third batch's run (evaluation half): « Qu'est-ce qu'on peut te dire comme ordres,
    # à part suivant ? » was not understood
    ("Qu'est-ce qu'on peut te dire comme ordres, à part suivant ?", "step:borne-medecin", "?help"),
    ("tout sauf suivant", "step:borne-medecin", "none"),
    ("Retrouvez votre voix d'avant, c'est trop bizarre comme ça.", "step:demande-nom", "normal"),
    # tuning half: « Vous pouvez me dire où j'en suis ? J'ai piqué du nez un moment. » paused (a wrong action):
    # « un moment » after what the speaker has done is how long
    ("Vous pouvez me dire où j'en suis ? J'ai piqué du nez un moment.", "step:oubli-email-boite", "where"),
    ("J'ai dormi un moment, on en est où ?", "step:oubli-email-boite", "where"),
    ("j'ai besoin d'un moment", "step:oubli-email-boite", "pause"),
    ("Non, reviens au coup d'avant, j'ai pas encore ouvert mes mails.", "step:confirmation-taper", "?previous"),
    ("Revenons à l'étape précédente, pardon de vous faire tourner en bourrique.", "step:demande-suivant", "previous"),
    ("Affirmatif, j'en ai ma claque.", "oui-non", "yes"),
])
def test_found_by_the_hundred_and_forty_third_run(text: str, context: str, expected: str) -> None:
    """« à part », « sauf » leave out what follows; « un moment » said of what was done is no pause; « pardon » then
    light words corrects nothing; « coup d'avant », « ma claque », « retrouvez votre voix »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-fourth batch's run (evaluation half): « Ah, la Dépêche n'est pas encore arrivée. »
    # went faster; « Ça charge, ça charge... Mettez-vous en veille en attendant. » and « Ah, celui-là, je l'ai oublié
    # depuis belle lurette. » were not understood
    ("Ah, la Dépêche n'est pas encore arrivée.", "step:ouvrir-ameli", "none"),
    ("dépêche-toi", "step:ouvrir-ameli", "faster"),
    ("Mettez-vous en veille en attendant, ça charge.", "step:valider-connexion", "pause"),
    ("Mon code ? Je l'ai oublié depuis belle lurette.", "step:avez-vous-un-code", "goto:oubli-lien"),
    # tuning half: « C'est toi, Bruno ? Entre, on reprendra l'ordinateur plus tard. » resumed the pause
    ("C'est toi, Bruno ? Entre, on reprendra l'ordinateur plus tard.", "pause:saisir-code", "none"),
    ("on reprend", "pause:saisir-code", "resume"),
    # « Recule d'un cran, j'ai pas encore le mail. » went to « le message n'arrive pas » (a wrong branch)
    ("Recule d'un cran, j'ai pas encore le mail.", "step:confirmation-taper", "previous"),
    ("J'ai pas encore le mail.", "step:confirmation-taper", "goto:confirmation-pas-recu"),
    # « Ces lunettes, je ne vois plus rien avec, faut que je change les verres. » went to « Remboursement des soins »
    ("Ces lunettes, je ne vois plus rien avec, faut que je change les verres.", "step:objet-message",
     "?goto:objet-remboursement"),
    ("les lunettes", "step:objet-message", "goto:objet-remboursement"),
    ("kes ke je peux dire", "step:confirmation-taper", "help"),
    ("keske je peux dire", "step:confirmation-taper", "help"),
])
def test_found_by_the_hundred_and_forty_fourth_run(text: str, context: str, expected: str) -> None:
    """« la Dépêche » is a newspaper; « en veille » is a pause; « depuis belle lurette » says no more; resuming
    « plus tard », in the future, keeps the pause; « kes ke », « keske » are « qu'est-ce que »; an order given first
    and explained in full outweighs a choice that its reason describes; a choice named in another word than its own
    beside the speaker's complaint is asked about."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-fifth batch's run (evaluation half), each not understood: « Mets-toi en attente, ma
    # voisine arrive. », « J'en ai plein le dos, ferme tout ça. », « Mettez-moi le numéro deux, ma p'tite dame. »,
    # « rdis la derniere frase », « Adieu-siatz, j'en ai fini, coupez-moi ce guide. »; « Laissez tomber, j'y arriverai
    # jamais, arrêtez le guide. » was asked as a « non » at a question
    ("Mets-toi en attente, ma fille arrive.", "step:les-categories", "pause"),
    ("J'en ai plein le dos, ferme tout ça.", "step:saisir-numero", "quit"),
    ("Mettez-moi le numéro deux, ma petite dame.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
    ("rdis la derniere frase", "step:ecrire-message", "repeat"),
    ("coupez-moi ce guide", "step:page-accueil", "quit"),
    ("Laissez tomber, j'y arriverai jamais, arrêtez le guide.", "step:code-confirmation", "quit"),
    ("laissez tomber", "step:code-confirmation", "no"),
])
def test_found_by_the_hundred_and_forty_fifth_run(text: str, context: str, expected: str) -> None:
    """Someone of the speaker's, then a verb, is a clause of its own; « plein le dos » leaves; « ma p'tite dame » is
    said to the guide; « coupez-moi ce guide » leaves; the guide named in a request to leave outweighs the « non » that
    « laissez tomber » would answer."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-sixth batch's run (evaluation half): in a pause, « Merci, ma grande, pose la tisane
    # là, je reprends l'ordinateur après. » resumed the guide
    ("Merci, ma grande, pose la tisane là, je reprends l'ordinateur après.", "pause:page-accueil", "none"),
    ("on reprend, je finirai le café plus tard", "pause:page-accueil", "resume"),
    # tuning half: « Peuchère, ça file trop vite pour moi, dis-le plus posément. » was not understood
    ("Peuchère, ça file trop vite pour moi, dis-le plus posément.", "step:borne-medecin", "slower"),
    ("dis-le plus lentement", "step:borne-medecin", "slower"),
    ("dites-le plus fort", "step:borne-medecin", "louder"),
    ("je file", "step:borne-medecin", "quit"),
])
def test_found_by_the_hundred_and_forty_sixth_run(text: str, context: str, expected: str) -> None:
    """In a pause, going on put off in its own clause keeps the pause; « dis-le plus … » sets the voice; « ça file »
    is speed, not leaving."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-seventh batch's run (evaluation half): « Euh... trois, je crois, c'est ça. » was a
    # « oui », to the step « j'ai mon code » (a wrong branch); « Vous pourriez me redonner la dernière phrase ? … » and
    # « Le bouton marqué comment, déjà ? Rappelez-moi ce que vous avez dit. » were not understood
    ("Euh... trois, je crois, c'est ça.", "step:avez-vous-un-code", "goto:oubli-lien"),
    ("Onze choix, et aucun ne correspond vraiment, forcément.", "step:objet-message", "none"),
    ("Vous pourriez me redonner la dernière phrase ?", "step:demande-ensuite", "repeat"),
    ("Rappelez-moi ce que vous avez dit.", "step:demande-suivant", "repeat"),
    # tuning half: « Tu lui as donné ses croquettes, au chien ? Non ? Alors vas-y. » moved to the next step
    ("Tu lui as donné ses croquettes, au chien ? Non ? Alors vas-y.", "step:objet-droits-demarches", "none"),
    ("Tu as vu le facteur ? Alors suivant.", "step:objet-droits-demarches", "?next"),
    ("plus vite, non pardon, plus lentement", "step:objet-droits-demarches", "slower"),
])
def test_found_by_the_hundred_and_forty_seventh_run(text: str, context: str, expected: str) -> None:
    """A number then « c'est ça » picks it; « rappelez-moi ce que vous avez dit », « redonnez-moi la dernière phrase »
    ask again; after asking what someone did, a « non » corrects nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-eighth batch's run (tuning half), each not understood: « Attendez une minute,
    # quelqu'un sonne à la porte. », « Mettez-vous sur pause, l'infirmière arrive pour ma piqûre. », « Excuse, je l'ai
    # raté, tu me le refais ? », « Je veux entendre la liste de tout ce que le guide propose. »
    ("Attendez une minute, quelqu'un frappe à la porte.", "step:bienvenue", "pause"),
    ("Mettez-vous sur pause, l'infirmière arrive pour ma piqûre.", "step:oubli-courrier", "pause"),
    ("Tu me le refais ?", "step:mes-informations", "repeat"),
    ("Je veux entendre la liste de tout ce que le guide propose.", "step:mes-informations", "menu"),
    ("recommence tout", "step:mes-informations", "restart"),
])
def test_found_by_the_hundred_and_forty_eighth_run(text: str, context: str, expected: str) -> None:
    """« quelqu'un », or a noun after its article, then a verb, start a clause of their own (a reason); « tu me le
    refais » asks again, not the whole guide; « tout ce que le guide propose » is the sommaire."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and forty-ninth batch's run (evaluation half): in a pause, « J'aurais dû mettre un gilet, je
    # commence à avoir froid. » resumed the guide; « Euh, le troisième, je crois, oui, le troisième. » was asked as a
    # « oui »; « ui c sa » was not understood
    ("J'aurais dû mettre un gilet, je commence à avoir froid.", "pause:mes-demarches", "none"),
    ("on commence à lire ?", "pause:mes-demarches", "resume"),
    ("Euh, le troisième, je crois, oui, le troisième.", "step:objet-message", "goto:objet-carte-vitale"),
    ("ui c sa", "oui-non", "yes"),
])
def test_found_by_the_hundred_and_forty_ninth_run(text: str, context: str, expected: str) -> None:
    """« je commence à » and an infinitive says what begins; a rank said twice around a « oui » picks it; « ui »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fiftieth batch's run (evaluation half): « Oui madame, je vous remercie, ça suffira pour
    # aujourd'hui. » did not leave; tuning half: « Je l'ai bien, le code personnel, ma fille me l'a recopié. » was not
    # understood (the choice, named by a light word, took no reason), « Euh… trois. Oui, le trois. » was a « oui »
    ("Oui, je vous remercie, ça suffira pour aujourd'hui.", "oui-non", "yes"),
    ("Je l'ai bien, le code personnel, ma fille me l'a recopié.", "step:avez-vous-un-code", "goto:saisir-numero"),
    ("Je l'ai, ce code, ma fille me l'a fait faire l'an dernier.", "step:avez-vous-un-code", "goto:saisir-numero"),
    ("Euh… trois. Oui, le trois.", "step:les-categories", "goto:mes-informations"),
])
def test_found_by_the_hundred_and_fiftieth_run(text: str, context: str, expected: str) -> None:
    """« ça suffira » leaves; a choice that answers its question takes its reason whatever its words weigh; a
    number said twice around a « oui » picks it."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-first batch's run (tuning half): « Eh, min fieu, ramène-mi un verre d'eau, s'te
    # plaît. » went back a step: « -mi » after a verb is « -moi » in the Nord, and what is brought is no step
    ("Eh, min fieu, ramène-mi un verre d'eau, s'te plaît.", "step:demande-suivant", "none"),
    ("ramène-moi à l'étape d'avant", "step:demande-suivant", "previous"),
    ("mi la pa compri, répète", "step:demande-suivant", "repeat"),
])
def test_found_by_the_hundred_and_fifty_first_run(text: str, context: str, expected: str) -> None:
    """« ramène-mi » is « ramène-moi »; « mi » alone stays the créole « je »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-second batch's run: for someone else, « Tiens, l'écran s'est mis en veille tout
    # seul. » paused, « Les vaches vont rentrer bientôt, faudra pas traîner. » went faster, « Ça va, ma grande, je m'en
    # sors très bien toute seule avec ce guide. » asked to leave
    ("Tiens, l'écran s'est mis en veille tout seul.", "step:valider-connexion", "none"),
    ("mets-toi en veille", "step:valider-connexion", "pause"),
    ("Les vaches vont rentrer bientôt, faudra pas traîner.", "step:demande-nom", "none"),
    ("Ça va, ma grande, je m'en sors très bien toute seule avec ce guide.", "step:page-accueil", "?yes"),   # « très bien »
    ("je veux sortir du guide", "step:page-accueil", "quit"),
    # a condition on a duty is the reason, « finalement » changes one's mind, « ce sera pour un autre jour » leaves
    ("Bon ben si faut attendre huit jours, on arrête tout, au revoir.", "step:oubli-courrier-attente", "quit"),
    ("s'il faut attendre, je fais une pause", "step:oubli-courrier-attente", "pause"),
    ("Non merci, finalement je vais arrêter là, ce sera pour un autre jour.", "step:bienvenue", "quit"),
    ("Merci bien, c'est tout ce que je voulais savoir, vous pouvez vous arrêter.", "step:mes-informations", "quit"),
    ("J'ai vu mes remboursements, c'est tout ce que je voulais, on arrête.", "step:mes-paiements", "quit"),
    ("Finalement non, où je vois mes informations personnelles ?", "step:objet-message", "goto:mes-informations"),
    # « doucement sur le volume » with its reason; a thing that came by is no step passed
    ("Doucement sur le volume, le petit dort à côté.", "step:oubli-email", "softer"),
    ("le facteur est passé", "step:oubli-numero", "none"),
    ("c'est passé", "step:oubli-numero", "next"),
    ("Les courriers indésirables, spam, je connais pas ça. Vous pouvez m'en dire davantage ?",
     "step:confirmation-pas-recu", "details"),
    ("dis men plus sur cette etape", "step:oubli-email", "details"),
])
def test_found_by_the_hundred_and_fifty_second_run(text: str, context: str, expected: str) -> None:
    """Things that do things by themselves (« l'écran s'est mis en veille », « le facteur est passé »), idioms
    (« s'en sortir », « faudra pas traîner »), a condition said as a reason, « finalement »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text", ["Bien sûr que oui, j'ai dit que je voulais partir.", "Oui madame, vraiment, j'ai eu ma dose.",
                                  "Eh oui, fais-le, j'en peux plus.", "ui jmen vais",
                                  "Bien sûr que oui, sinon je l'aurais pas demandé.", "Absolument, fermez, je vous remercie."])
def test_a_yes_that_says_again_why_ends_the_guide(text: str) -> None:
    """At « Voulez-vous vraiment quitter ? », « j'ai dit que … » and « j'ai eu ma dose » leave nothing unexplained."""
    found = MATCHER.interpret(text, options("oui-non"))
    assert isinstance(found, Intent) and found.name == "yes"
    assert found.confidence >= RUNNER.dialog.settings.final_yes_threshold


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-third batch's run: for someone else, « Bon, encore une chose de faite, ma foi. »
    # asked again, « Le petit, va plus lentement avec ton vélo dans la cour, tu vas tomber. » slowed down, « Oh, mon
    # feuilleton commence dans dix minutes. » paused
    ("Bon, encore une chose de faite, ma foi.", "step:deconnexion", "none"),
    ("encore une fois", "step:deconnexion", "repeat"),
    ("Le petit, va plus lentement avec ton vélo dans la cour, tu vas tomber.", "step:demande-page", "none"),
    ("ma fille parle trop vite", "step:demande-page", "none"),
    ("le monsieur parle vite", "step:demande-page", "slower"),   # the guide's voice, named as a person
    ("Laissez-moi le temps, parlez moins rapidement.", "step:saisir-code", "slower"),
    ("Oh, mon feuilleton commence dans dix minutes.", "step:page-accueil", "?next"),   # asked, no pause
    ("je reviens dans deux minutes", "step:page-accueil", "pause"),
    # the wrong action: « je veux pas de tout ça » carried its « pas » to « ferme le programme »
    ("Non, finalement, je veux pas de tout ça, ferme le programme.", "step:bienvenue", "quit"),
    # what someone else will do is a reason (« ma fille m'aidera dimanche »), and so is « puisqu'il faut … »
    ("Tant pis, je laisse tomber, je quitte, ma fille m'aidera dimanche.", "step:objet-resilier", "quit"),
    ("Bon, puisqu'il faut attendre le courrier, je vais quitter le guide, merci bien.", "step:oubli-courrier-attente",
     "quit"),
    ("Arrête-toi un moment, ma voisine arrive, on verra la suite après.", "step:ecrire-message", "pause"),
    ("Mets le volume plus haut, la télé du voisin couvre tout.", "step:valider-connexion", "louder"),
    ("mets le son plus bas, la télé", "step:valider-connexion", "?softer"),   # the television's, maybe
    ("Bon, adiou, je coupe ton programme.", "step:borne-medecin", "quit"),
    ("repet la derniere phrase", "step:message-envoyer", "repeat"),
])
def test_found_by_the_hundred_and_fifty_third_run(text: str, context: str, expected: str) -> None:
    """Someone else's speed, plan or programme is no request; a choice refused with « pas de tout ça » is only refused."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-fourth batch's run: for someone else, « Attends, Clément, on clique pas encore, je
    # relis d'abord. » asked again (« Clément » spelt « calmement » hid the name)
    ("Attends, Clément, on clique pas encore, je relis d'abord.", "step:demande-suivant", "?slower"),   # asked
    ("je relis", "step:demande-suivant", "none"),
    ("je peux relire l'étape ?", "step:demande-suivant", "repeat"),
    # the wrong action: the « pas » of « je n'ai pas la tête à ça » reached « on arrête là »
    ("Non, finalement je n'ai pas la tête à ça aujourd'hui, on arrête là.", "step:bienvenue", "quit"),
    ("je ne veux pas qu'on arrête là", "step:bienvenue", "none"),
    ("Langsam, langsam... pas si vite, s'il vous plaît.", "step:mes-informations", "slower"),
    ("pardon de vous avoir fait attendre", "step:demande-code-postal", "none"),
])
def test_found_by_the_hundred_and_fifty_fourth_run(text: str, context: str, expected: str) -> None:
    """What the speaker does (« je relis »), a name before its spelling is corrected, an expression with its own subject
    out of the reach of a negation before it, an apology and what it is for."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-fifth batch's run: the wrong action, « Pardon ? Qu'est-ce que vous dites ?
    # Refaites-moi la lecture. » started the guide again; and for someone else « Allô, la mairie ? C'est pour savoir si
    # vous avez bien ma nouvelle adresse. » went to « Mes informations »
    ("Pardon ? Qu'est-ce que vous dites ? Refaites-moi la lecture.", "step:mes-informations", "repeat"),
    ("recommencez la lecture depuis le début", "step:mes-informations", "restart"),
    ("Allô, la mairie ? C'est pour savoir si vous avez bien ma nouvelle adresse.", "step:mes-informations",
     "?goto:mes-informations"),
    ("Un peu plus de rythme dans ta voix, on s'endort, là.", "step:oubli-courrier-valider", "faster"),
    ("Allez, un peu plus de rythme.", "step:demande-page", "faster"),   # was « suivant » since batch 101
    ("Bon, les paiements, j'ai compris, pas besoin d'en savoir plus, avance.", "step:mes-paiements", "next"),
    ("je prend le trois", "step:objet-message", "goto:objet-carte-vitale"),
])
def test_found_by_the_hundred_and_fifty_fifth_run(text: str, context: str, expected: str) -> None:
    """« refaites-moi la lecture » reads again; « allô, la mairie » is a call; « plus de rythme » is the pace."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-sixth batch's run, three wrong actions: in a pause « Je voudrais reprendre le guide
    # là où il s'est arrêté. » asked to leave; « Finalement c'était bien avant, reprends ta voix ordinaire. » resumed;
    # « Je suis à quelle étape, pardon ? Je me suis perdue. » gave the help (« pardon » taken for a correction)
    ("Je voudrais reprendre le guide là où il s'est arrêté.", "pause:valider-connexion", "resume"),
    ("Dis, on l'a déjà eu ce code, ou pas ? Tu te souviens ?", "step:avez-vous-un-code", "?goto:saisir-numero"),
    ("Finalement c'était bien avant, reprends ta voix ordinaire.", "step:demande-ensuite", "normal"),
    ("reprends", "step:demande-ensuite", "resume"),
    ("Je suis à quelle étape, pardon ? Je me suis perdue.", "step:objet-indemnites", "where"),
    ("plus vite, pardon, je voulais dire plus lentement", "step:objet-indemnites", "slower"),
    ("Je vous demande pardon, je n'ai pas entendu, auriez-vous la bonté de le redire ?", "step:objet-carte-vitale",
     "repeat"),
])
def test_found_by_the_hundred_and_fifty_sixth_run(text: str, context: str, expected: str) -> None:
    """What happened « là où » the guide stopped asks nothing; « reprends ta voix » is the usual voice; a « pardon »
    followed by what the speaker is corrects nothing."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-seventh batch's run, its two moves: « Tu vois, il faut dire « suivant » quand tu as
    # fini, c'est comme ça qu'il marche. » (the word shown to someone) and « Ginette, tu sais toi, comment on trouve une
    # borne Ameli en ville ? » (asked of someone of the house)
    ("Tu vois, il faut dire « suivant » quand tu as fini, c'est comme ça qu'il marche.", "step:message-rediger", "none"),
    ("« suivant »", "step:message-rediger", "next"),
    ("Ginette, tu sais toi, comment on trouve une borne Ameli en ville ?", "step:les-categories",
     "?goto:borne-medecin"),
    ("et après, comment je trouve une borne ?", "step:les-categories", "goto:borne-medecin"),
    ("Dites, comment on fait quand on a oublié son code ?", "step:mes-paiements", "goto:oubli-lien"),
    # the wrong branch asked: « quel code ? » wonders, « de ma vie » insists
    ("Un code ? Quel code ? J'ai rien reçu de ma vie.", "step:avez-vous-un-code", "goto:pas-de-code-lien"),
])
def test_found_by_the_hundred_and_fifty_seventh_run(text: str, context: str, expected: str) -> None:
    """A command word shown to someone after « il faut dire », a question put to someone named, « quel code ? »."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-eighth batch's run: for someone else, « Merci ma belle, t'es gentille de venir
    # m'aider comme ça. » gave the help, « Vas-y, toi, tape-le, le numéro, moi je vois plus les touches. » the details,
    # « Doux Jésus, que c'est compliqué, tout ça. » a softer voice
    ("Merci ma belle, t'es gentille de venir m'aider comme ça.", "step:demande-page", "none"),
    ("tu peux venir m'aider ?", "step:demande-page", "help"),
    ("Vas-y, toi, tape-le, le numéro, moi je vois plus les touches.", "step:oubli-choix-envoi", "?details"),
    ("Doux Jésus, que c'est compliqué, tout ça.", "step:messages", "details"),   # the voice untouched
    ("plus doux", "step:messages", "softer"),
    ("Pas si vite, ma belle, on n'est pas pressés.", "step:ecran-connexion", "slower"),   # the guide, called so
])
def test_found_by_the_hundred_and_fifty_eighth_run(text: str, context: str, expected: str) -> None:
    """Thanks for coming to help, someone told to type, an exclamation of glue before a word of the voice."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and fifty-ninth batch's run: the wrong action, « Attendez, j'ai toujours pas reçu ce fameux
    # message. » paused (« fameux » took the negation); for someone else « Ah la la, le temps qu'il faut pour tout,
    # maintenant. » paused
    ("Attendez, j'ai toujours pas reçu ce fameux message.", "step:confirmation-taper", "goto:confirmation-pas-recu"),
    ("Bon ça y est, j'l'ai tapé, ce fameux code.", "step:saisir-code", "next"),
    ("Ah la la, le temps qu'il faut pour tout, maintenant.", "step:oubli-numero", "none"),
    ("le temps que je trouve mes lunettes", "step:oubli-numero", "pause"),
    # a guard: an expression « pour ce soir », tried, taught « soir » and this story went back a step
    ("ils repassent le match en rediffusion ce soir je crois", "step:oubli-email-boite", "none"),
])
def test_found_by_the_hundred_and_fifty_ninth_run(text: str, context: str, expected: str) -> None:
    """« ce fameux message » is the message negated; « le temps qu'il faut » is a sigh."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # found by the hundred and sixtieth batch's run: the wrong action, « Comment on te cause, à toi ? J'y comprends
    # rien. » gave the step's details; « J'veux plus de tout ça, coupe le programme. » was nothing
    ("Comment on te cause, à toi ? J'y comprends rien.", "step:demande-suivant", "help"),
    ("J'veux plus de tout ça, coupe le programme.", "step:objet-resilier", "quit"),
    ("coupez le guide", "step:objet-resilier", "quit"),
])
def test_found_by_the_hundred_and_sixtieth_run(text: str, context: str, expected: str) -> None:
    """« causer » is « parler » in how one speaks to the guide; « couper le programme » leaves."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # noted at stop 49: the « vous » said again after « vite » made « lentement » a complaint, so faster
    ("Eh ben, vous allez vite, vous ! Lentement, s'il vous plaît.", "step:premiere-connexion", "slower"),
    ("Vous parlez trop fort, vous ! Doucement.", "step:saisir-code", "softer"),
    ("Allez, plus rapidement, vous êtes lent comme un escargot.", "step:message-rediger", "faster"),   # a complaint still
])
def test_a_you_said_again_after_the_complaint_is_not_a_new_one(text: str, context: str, expected: str) -> None:
    """« vous allez vite, vous ! Lentement »: the second « vous » repeats the first; « lentement » is the wish."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # noted at stop 48: « en » in the aim stood for nothing, and « comment on fait » asked the step's details
    ("Attendez, mon code, je le retrouve plus, comment on fait pour en avoir un nouveau ?", "step:saisir-code",
     "goto:oubli-lien"),
    ("Mon code, comment on fait pour en avoir un nouveau ?", "step:valider-connexion", "goto:oubli-lien"),
    ("comment on fait pour en avoir un nouveau", "step:saisir-code", "details"),   # nothing named: the step's
])
def test_en_in_an_aim_stands_for_the_thing_named_before(text: str, context: str, expected: str) -> None:
    """« mon code, … pour en avoir un nouveau » asks for a new code."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # noted at stop 48: « à quoi ça sert » said of a thing of the step asked how the guide works
    ("Ce code de confirmation, ça sert à quoi ?", "step:code-confirmation", "details"),
    ("ça sert à quoi, ce code ?", "step:code-confirmation", "details"),
    ("Le bouton du menu, ça sert à quoi ?", "step:ouvrir-rubriques", "details"),
    ("à quoi ça sert ?", "step:code-confirmation", "help"),   # nothing named: the guide itself
    ("à quoi ça sert, ce guide ?", "step:saisir-code", "help"),
])
def test_what_a_thing_of_the_step_is_for_asks_its_details(text: str, context: str, expected: str) -> None:
    """« à quoi ça sert » with every other word one the step says is asked of the step, at a question too."""
    assert meant(text, context) == expected


@pytest.mark.parametrize("text, context, expected", [
    # « c'est bon » or « ça y est » beside a choice at a question leads to that choice: at « Ameli vous demande-t-elle
    # maintenant un code de confirmation ? » it was a « oui », to the e-mail code, the wrong branch (noted at stop 43)
    ("C'est bon, ça s'est ouvert.", "step:code-confirmation", "goto:page-accueil"),
    ("Ça y est, ça s'est ouvert.", "step:code-confirmation", "goto:page-accueil"),
    ("C'est bon, ils me demandent un code.", "step:code-confirmation", "goto:confirmation-boite-mail"),
    ("Non, ça m'a connecté directement.", "step:code-confirmation", "goto:page-accueil"),
    ("C'est bon.", "step:code-confirmation", "yes"),
    ("Oui.", "step:code-confirmation", "yes"),
    ("C'est bon, je l'ai.", "step:avez-vous-un-code", "yes"),
    # the choice said in its very words beside the « c'est bon » (« je suis dedans » has no word the lexicon weighs),
    # or as the part of the guide it leads to (« l'accueil »): both were still a « oui » at stop 44
    ("Ça y est, je suis dedans !", "step:code-confirmation", "goto:page-accueil"),
    ("C'est bon, l'accueil s'est ouvert.", "step:code-confirmation", "goto:page-accueil"),
    ("J'ai la page d'accueil de mon compte, là.", "step:code-confirmation", "goto:page-accueil"),
    ("Oui, un code de confirmation par mail.", "step:code-confirmation", "yes"),
])
def test_done_beside_a_choice_at_a_question_leads_to_the_choice(text: str, context: str, expected: str) -> None:
    """The « c'est bon » that leads to a choice counts for the choice as much as for the « oui » it could be."""
    assert meant(text, context) == expected
