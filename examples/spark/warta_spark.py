#!/usr/bin/env python3
"""Run Warta over a folder or dataset of documents with Apache Spark.

Each partition is piped through an unchanged `warta extract --jsonl` (RDD.pipe); the binary is shipped to
the executors with SparkContext.addFile (or spark-submit --files). Results are written as JSON Lines and
Parquet, keyed by document id; records that produced no result are written to failed/ with the reason.

usage: warta_spark.py INPUT OUTPUT [--warta PATH] [--partitions N]
  INPUT   a folder of *.txt (searched recursively; the id is the path below INPUT), or a .jsonl / .parquet
          dataset with "id" and "text" columns
  OUTPUT  folder receiving results.jsonl/, results.parquet/ and failed.jsonl/

On a cluster:
  spark-submit --master yarn --files .build/release/warta examples/spark/warta_spark.py \\
      hdfs:///archive/releases hdfs:///archive/warta --warta warta
"""
import argparse
import json
import os
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def read_records(spark, source):
    """(id, text) pairs from a folder of .txt files or a JSON Lines / Parquet dataset."""
    sc = spark.sparkContext
    if source.endswith(".parquet") or source.endswith(".jsonl") or source.endswith(".json"):
        frame = spark.read.parquet(source) if source.endswith(".parquet") else spark.read.json(source)
        return frame.select("id", "text").rdd.map(lambda row: (str(row["id"]), row["text"]))
    root = os.path.abspath(source).rstrip("/") + "/"
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    files = sc.wholeTextFiles(root, minPartitions=2).filter(lambda kv: kv[0].endswith(".txt"))

    def relative(path):
        path = path[len("file:"):] if path.startswith("file:") else path
        return path[len(root):] if path.startswith(root) else os.path.basename(path)

    return files.map(lambda kv: (relative(kv[0]), kv[1]))


def executor_binary(spark, name):
    """Where the shipped binary is on an executor: SparkFiles in local mode, the working directory on YARN."""
    if spark.sparkContext.master.startswith("local"):
        return SparkFiles.get(name)
    return "./" + name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--warta", default="warta", help="the warta binary to ship (default: warta on PATH)")
    parser.add_argument("--partitions", type=int, default=None, help="repartition the records first")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("warta").getOrCreate()
    sc = spark.sparkContext
    binary = args.warta
    if os.path.exists(binary):
        sc.addFile(os.path.abspath(binary))
    name = os.path.basename(binary)

    records = read_records(spark, args.input)
    if args.partitions:
        records = records.repartition(args.partitions)
    records = records.cache()
    lines = records.map(lambda r: json.dumps({"id": r[0], "text": r[1]}, ensure_ascii=False))

    # The binary may arrive without its executable bit; warta itself runs unchanged.
    path = executor_binary(spark, name)
    command = "sh -c " + shlex.quote('chmod u+x "$0" 2>/dev/null; exec "$0" extract --jsonl --jobs 1') + " " + shlex.quote(path)
    results = lines.pipe(command, checkCode=False).filter(lambda l: l.strip()).cache()

    results.saveAsTextFile(os.path.join(args.output, "results.jsonl"))
    spark.read.json(results).write.mode("overwrite").parquet(os.path.join(args.output, "results.parquet"))

    produced = results.map(lambda l: (json.loads(l)["source"], 1))
    failed = records.map(lambda r: (r[0], 1)).subtractByKey(produced).map(
        lambda kv: json.dumps({"id": kv[0], "reason": "warta produced no result (see the executor's stderr)"}))
    failed.saveAsTextFile(os.path.join(args.output, "failed.jsonl"))
    total, bad = records.count(), failed.count()
    print(f"warta_spark: {total - bad} documents extracted, {bad} failed; results in {args.output}")
    spark.stop()


if __name__ == "__main__":
    main()
