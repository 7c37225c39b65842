import { z } from "zod";
import { label } from "./common";

export const createTokenInput = z.object({ name: label("Token name", 60) });
