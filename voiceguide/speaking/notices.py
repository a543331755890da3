"""What the speaking side tells the person when the guide cannot be heard, in French.

Kept apart (no audio imports) so that the start-up of a run can say why the
guide is silent without loading the sound stack.
"""

NO_OUTPUT_DEVICE = "aucun périphérique de sortie audio"  # output_problem()'s answer when there is no sound card
NO_AUDIO_NOTICE = "Pas de sortie audio sur cet ordinateur : je continue en texte."
TEXT_FALLBACK = "Je continue en texte."
