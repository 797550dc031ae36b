"""Information requests (Luật Tiếp cận thông tin 2016; NĐ 13/2018/NĐ-CP)."""
