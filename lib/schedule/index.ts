export * from "./csv";
export * from "./ics";
