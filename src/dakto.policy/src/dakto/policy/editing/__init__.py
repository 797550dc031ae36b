"""The editing screens of the board (issue 19): every error of a failed save at once."""
