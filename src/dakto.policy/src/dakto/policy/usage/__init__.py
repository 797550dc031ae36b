"""Usage figures ("Lượt xem"): page views counted by a beacon, per item per day."""
