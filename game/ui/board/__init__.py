"""``counterpoint board``: the live leaderboard app for the coach's screen."""
