"""Every regular expression and Vietnamese cue phrase, grouped by the stage that uses them."""
