print("ldf")
