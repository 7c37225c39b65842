// frappe-gantt 1.2.2 ships no types; only what the wrapper touches is declared.
declare module "frappe-gantt" {
  export interface FrappeTask {
    id: string;
    name: string;
    start: string;
    end: string;
    progress: number;
    dependencies: string | string[];
    custom_class?: string;
    _start: Date;
    _end: Date;
    _index: number;
  }
  export interface FrappeBar {
    task: FrappeTask;
    group: SVGGElement;
    $bar: SVGRectElement & { getX(): number; getY(): number; getWidth(): number };
    arrows: { update(): void }[];
    refresh(): void;
    compute_start_end_date(): { new_start_date: Date; new_end_date: Date };
  }
  export default class Gantt {
    constructor(wrapper: HTMLElement, tasks: FrappeTask[] | object[], options: Record<string, unknown>);
    tasks: FrappeTask[];
    bars: FrappeBar[];
    arrows: { from_task: FrappeBar; to_task: FrappeBar; element: SVGElement; update(): void }[];
    layers: { grid: SVGGElement; arrow: SVGGElement; progress: SVGGElement; bar: SVGGElement };
    options: Record<string, unknown>;
    config: { column_width: number; step: number; unit: string; header_height: number };
    dates: Date[];
    grid_height: number;
    gantt_start: Date;
    gantt_end: Date;
    $container: HTMLElement;
    $svg: SVGSVGElement;
    bar_being_dragged: boolean | null;
    setup_tasks(tasks: object[]): void;
    get_task(id: string): FrappeTask | undefined;
    get_bar(id: string): FrappeBar | undefined;
    map_arrows_on_bars(): void;
    make_bars(): void;
    make_arrows(): void;
    render(): void;
    set_dimensions(): void;
    make_grid_rows(): void;
    make_grid_ticks(): void;
    get_start_end_positions(): [number, number, number];
    refresh(tasks: object[]): void;
    change_view_mode(mode?: string, maintain_pos?: boolean): void;
    hide_popup(): void;
    clear(): void;
  }
}
