#!/usr/bin/env python3
"""Integration test: Spark in local mode (local[2]) over Corpus/ gives exactly what `warta extract` gives.

usage: test_spark.py WARTA_BINARY [CORPUS_DIR]     exit 0 when equal; prints what differs otherwise
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def main():
    binary = os.path.abspath(sys.argv[1])
    corpus = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "Corpus"))
    out = tempfile.mkdtemp(prefix="warta-spark-")
    try:
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1",
                   PYSPARK_SUBMIT_ARGS="--master local[2] --conf spark.ui.enabled=false "
                                       "--conf spark.ui.showConsoleProgress=false pyspark-shell")
        subprocess.run([sys.executable, os.path.join(here, "warta_spark.py"), corpus, os.path.join(out, "run"),
                        "--warta", binary, "--partitions", "2"], check=True, env=env)

        spark_docs = {}
        for part in glob.glob(os.path.join(out, "run", "results.jsonl", "part-*")):
            for line in open(part, encoding="utf-8"):
                if line.strip():
                    doc = json.loads(line)
                    spark_docs[doc["source"]] = doc
        direct = subprocess.run([binary, "extract", corpus], capture_output=True, check=True).stdout.decode()
        direct_docs = {}
        for line in direct.splitlines():
            doc = json.loads(line)
            direct_docs[os.path.relpath(doc["source"], corpus)] = doc

        problems = []
        if set(spark_docs) != set(direct_docs):
            problems.append(f"ids differ: only in Spark {sorted(set(spark_docs) - set(direct_docs))[:5]}, "
                            f"only direct {sorted(set(direct_docs) - set(spark_docs))[:5]}")
        for key in sorted(set(spark_docs) & set(direct_docs)):
            a = dict(spark_docs[key], source=None)
            b = dict(direct_docs[key], source=None)
            if a != b:
                problems.append(f"{key}: Spark's result differs from the direct run")
        failed = [l for p in glob.glob(os.path.join(out, "run", "failed.jsonl", "part-*")) for l in open(p) if l.strip()]
        if failed:
            problems.append(f"failed records: {failed[:3]}")

        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
        rows = spark.read.parquet(os.path.join(out, "run", "results.parquet")).count()
        spark.stop()
        if rows != len(direct_docs):
            problems.append(f"Parquet has {rows} rows, expected {len(direct_docs)}")

        for p in problems:
            print("FAIL", p)
        print(f"spark test: {len(spark_docs)} documents through Spark, {len(direct_docs)} direct, {len(problems)} problems")
        sys.exit(1 if problems else 0)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
