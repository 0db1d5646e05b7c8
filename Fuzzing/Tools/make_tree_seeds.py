# Small tree-model seeds for the lightgbm, xgboost-json and xgboost-ubj fuzz targets: a few
# shallow trees, so that mutations reach the splits quickly (the test fixtures are 100 KB+).
# Made with lightgbm 4.7.0 and xgboost 3.2.0 (/root/peers-bench):
#   /root/peers-bench/bin/python Fuzzing/Tools/make_tree_seeds.py   (from the repository root)
import numpy as np, lightgbm as lgb, xgboost as xgb
rows = np.loadtxt("Sources/HiggsData/Resources/higgs-sample.csv", delimiter=",")[:7000]
y, X = rows[:, 0], rows[:, 1:]
X[::50, 3] = np.nan  # missing values take the trees' default branches
booster = lgb.train({"objective": "binary", "num_leaves": 4, "verbose": -1, "seed": 1}, lgb.Dataset(X, y), 3)
booster.save_model("Fuzzing/Corpus/lightgbm/seeds/lgbm4_three_trees.txt")
model = xgb.XGBClassifier(n_estimators=3, max_depth=2, random_state=1).fit(X, y)
model.save_model("Fuzzing/Corpus/xgboost-json/seeds/xgb3_three_trees.json")
model.save_model("Fuzzing/Corpus/xgboost-ubj/seeds/xgb3_three_trees.ubj")
