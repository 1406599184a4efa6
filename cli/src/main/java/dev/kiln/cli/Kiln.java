package dev.kiln.cli;
public final class Kiln { public static void main(String[] a) { System.out.println("kiln"); } }
