// POWER7 and POWER8 source systems customers still run, transcribed from Nigel Griffiths' rperf script v41
// (github.com/nigelargriffiths/rperf, rperf_v41, 20 July 2022; the reference's `rperf41` source, medium confidence).
// One row per script line: the machine type-model, the GHz key of its pattern, the line number and the line itself
// as the quote, and its (cores, rPerf) pairs exactly as printed. Generated once from the script; not computed.
export interface RperfLine {
  ghzKey: string;
  line: number;
  quote: string;
  configs: Array<[cores: number, rperf: number]>;
}
export interface RperfSourceModel {
  mtm: string;
  name: string;
  generation: 'POWER7' | 'POWER8';
  class: 'scale-out' | 'midrange' | 'enterprise';
  heading: string;
  lines: RperfLine[];
  notes: string | null;
}

export const RPERF_SOURCE_MODELS: RperfSourceModel[] = [
  {
    mtm: '8233-E8B',
    name: 'Power 750',
    generation: 'POWER7',
    class: 'midrange',
    heading: 'POWER7 Power 750 from May 2010 / April 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.0',
        line: 415,
        quote: 'IBM,8233-E8B_30*_*) matchup  8  81.24  16 155.99  24 224.23  32 292.47  ;;',
        configs: [
          [8, 81.24],
          [16, 155.99],
          [24, 224.23],
          [32, 292.47],
        ],
      },
      {
        ghzKey: '3.3',
        line: 416,
        quote: 'IBM,8233-E8B_33*_*) matchup  8  86.99  16 167.01  24 240.08  32 313.15  ;;',
        configs: [
          [8, 86.99],
          [16, 167.01],
          [24, 240.08],
          [32, 313.15],
        ],
      },
      { ghzKey: '3.5', line: 417, quote: 'IBM,8233-E8B_35*_*) matchup  32 331.06  ;;', configs: [[32, 331.06]] },
      {
        ghzKey: '3.2',
        line: 419,
        quote: 'IBM,8233-E8B_32*_*) matchup  8  85.29  16 163.75  24 235.39  32 307.03  ;;',
        configs: [
          [8, 85.29],
          [16, 163.75],
          [24, 235.39],
          [32, 307.03],
        ],
      },
      {
        ghzKey: '3.6',
        line: 420,
        quote: 'IBM,8233-E8B_36*_*) matchup  8  93.05  16 178.65  24 256.81  32 334.97  ;;',
        configs: [
          [8, 93.05],
          [16, 178.65],
          [24, 256.81],
          [32, 334.97],
        ],
      },
      {
        ghzKey: '3.7',
        line: 421,
        quote: 'IBM,8233-E8B_37*_*) matchup  4 52.90 6 76.71 8 101.67 12 146.00 16 190.44 18 211.71 24 276.14  ;;',
        configs: [
          [4, 52.9],
          [6, 76.71],
          [8, 101.67],
          [12, 146.0],
          [16, 190.44],
          [18, 211.71],
          [24, 276.14],
        ],
      },
    ],
  },
  {
    mtm: '8236-E8C',
    name: 'Power 755',
    generation: 'POWER7',
    class: 'midrange',
    heading: 'Power 755 assuming 750 rPerf numbers are OK',
    notes: "The script's 3.6 GHz row is marked ESTIMATE by its author and is left out.",
    lines: [
      {
        ghzKey: '3.3',
        line: 430,
        quote: 'IBM,8236-E8C_3300_*) matchup  8  86.99  16 167.01  24 240.08  32 313.15  ;;',
        configs: [
          [8, 86.99],
          [16, 167.01],
          [24, 240.08],
          [32, 313.15],
        ],
      },
    ],
  },
  {
    mtm: '9117-MMB',
    name: 'Power 770',
    generation: 'POWER7',
    class: 'enterprise',
    heading: 'Power 770',
    notes: null,
    lines: [
      {
        ghzKey: '3.1',
        line: 436,
        quote: 'IBM,9117-MMB_31*_*) matchup  16 165.30 32 306.74 48 443.06 64 579.39 ;;',
        configs: [
          [16, 165.3],
          [32, 306.74],
          [48, 443.06],
          [64, 579.39],
        ],
      },
      {
        ghzKey: '3.5',
        line: 437,
        quote: 'IBM,9117-MMB_35*_*) matchup  12 140.75 24 261.19 36 377.26 48 493.37 ;;',
        configs: [
          [12, 140.75],
          [24, 261.19],
          [36, 377.26],
          [48, 493.37],
        ],
      },
    ],
  },
  {
    mtm: '9117-MMC',
    name: 'Power 770',
    generation: 'POWER7',
    class: 'enterprise',
    heading: 'Power 770 C models - Nov 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.3',
        line: 439,
        quote: 'IBM,9117-MMC_33*_*) matchup  16 173.1 32 321.2 48 464.0 64 606.8 ;;',
        configs: [
          [16, 173.1],
          [32, 321.2],
          [48, 464.0],
          [64, 606.8],
        ],
      },
      {
        ghzKey: '3.7',
        line: 440,
        quote: 'IBM,9117-MMC_37*_*) matchup  12 147.5 24 273.7 36 395.4 48 517.0 ;;',
        configs: [
          [12, 147.5],
          [24, 273.7],
          [36, 395.4],
          [48, 517.0],
        ],
      },
    ],
  },
  {
    mtm: '9179-MHB',
    name: 'Power 780',
    generation: 'POWER7',
    class: 'enterprise',
    heading: 'Power 780',
    notes:
      "The script repeats the 4.14 GHz line as 4.15 GHz ('marketing think it is 4.14 GHz but the machine say 4.15 GHz'); one is kept.",
    lines: [
      {
        ghzKey: '3.86',
        line: 446,
        quote: 'IBM,9179-MHB_386*_*) matchup 16 195.45  32 362.7   48 523.89  64 685.09  ;;',
        configs: [
          [16, 195.45],
          [32, 362.7],
          [48, 523.89],
          [64, 685.09],
        ],
      },
      {
        ghzKey: '4.14',
        line: 447,
        quote: 'IBM,9179-MHB_414*_*) matchup  8 115.16  16 226.97  24 326.24  32 425.5   ;;',
        configs: [
          [8, 115.16],
          [16, 226.97],
          [24, 326.24],
          [32, 425.5],
        ],
      },
    ],
  },
  {
    mtm: '9179-MHC',
    name: 'Power 780',
    generation: 'POWER7',
    class: 'enterprise',
    heading: 'Power 780 C models - Nov 2011',
    notes: 'The script copies the 4.15 GHz line as 4.14 GHz (June 2012); one is kept.',
    lines: [
      {
        ghzKey: '3.44',
        line: 450,
        quote: 'IBM,9179-MHC_344*_*) matchup 24 253.3  48 443.3  72 696.6  96 886.6 ;;',
        configs: [
          [24, 253.3],
          [48, 443.3],
          [72, 696.6],
          [96, 886.6],
        ],
      },
      {
        ghzKey: '3.92',
        line: 451,
        quote: 'IBM,9179-MHC_392*_*) matchup 16 197.6  32 366.6  48 529.6  64 692.5 ;;',
        configs: [
          [16, 197.6],
          [32, 366.6],
          [48, 529.6],
          [64, 692.5],
        ],
      },
      {
        ghzKey: '4.15',
        line: 452,
        quote: 'IBM,9179-MHC_415*_*) matchup  8 115.9  16 227.0  24 326.2  32 425.5 ;;',
        configs: [
          [8, 115.9],
          [16, 227.0],
          [24, 326.2],
          [32, 425.5],
        ],
      },
    ],
  },
  {
    mtm: '8231-E2B',
    name: 'Power 730',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 710 and 730 August 2010',
    notes:
      "The script files these rows under 'POWER7 Power 710 and 730 August 2010'; 8231-E2B is the Power 730 machine type-model.",
    lines: [
      {
        ghzKey: '3.0',
        line: 467,
        quote: 'IBM,8231-E2B_30*_*) matchup   4 45.13 8 86.66 ;;',
        configs: [
          [4, 45.13],
          [8, 86.66],
        ],
      },
      {
        ghzKey: '3.7',
        line: 468,
        quote: 'IBM,8231-E2B_37*_*) matchup   6 76.69 8 101.62 12 147.24 ;;',
        configs: [
          [6, 76.69],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.5',
        line: 469,
        quote: 'IBM,8231-E2B_35*_*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8231-E1C',
    name: 'Power 710',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 710 and 730 C models - Nov 2011',
    notes: null,
    lines: [
      { ghzKey: '3.0', line: 471, quote: 'IBM,8231-E1C_30*_*) matchup   4 45.13 ;;', configs: [[4, 45.13]] },
      { ghzKey: '3.7', line: 472, quote: 'IBM,8231-E1C_37*_*) matchup   6 76.69 ;;', configs: [[6, 76.69]] },
      { ghzKey: '3.5', line: 473, quote: 'IBM,8231-E1C_35*_*) matchup   8 91.96 ;;', configs: [[8, 91.96]] },
    ],
  },
  {
    mtm: '8231-E2C',
    name: 'Power 730',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 710 and 730 C models - Nov 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.0',
        line: 474,
        quote: 'IBM,8231-E2C_30*_*) matchup   4 45.13 8 86.66 ;;',
        configs: [
          [4, 45.13],
          [8, 86.66],
        ],
      },
      {
        ghzKey: '3.7',
        line: 475,
        quote: 'IBM,8231-E2C_37*_*) matchup   6 76.69 8 101.62 12 147.24 ;;',
        configs: [
          [6, 76.69],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.5',
        line: 476,
        quote: 'IBM,8231-E2C_35*_*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8202-E4B',
    name: 'Power 720',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 720 and 740 August 2010',
    notes:
      "The script's 3.3 GHz line prints '4 48333' for the 4-core row, a typo; the 4-core value 48.33 is taken from the 8202-E4C line, which the script says has the same rPerf as the B models (line 500).",
    lines: [
      {
        ghzKey: '3.0',
        line: 489,
        quote: 'IBM,8202-E4B_30*_*) matchup   4 45.13 6 65.52 8 81.24 ;;',
        configs: [
          [4, 45.13],
          [6, 65.52],
          [8, 81.24],
        ],
      },
      {
        ghzKey: '3.3',
        line: 490,
        quote: 'IBM,8202-E4B_33*_*) matchup   4 48333 8 92.79 ;;',
        configs: [
          [4, 48.33],
          [8, 92.79],
        ],
      },
      {
        ghzKey: '3.7',
        line: 491,
        quote:
          'IBM,8202-E4B_37*_*) matchup   4 52.93 8 101.62 12 147.24 ;; # available in 4 or 6 core versions with some crossover',
        configs: [
          [4, 52.93],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.5',
        line: 492,
        quote: 'IBM,8202-E4B_35*_*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8205-E6B',
    name: 'Power 740',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 740 Express - October 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.3',
        line: 494,
        quote: 'IBM,8205-E6B_33*_*) matchup   4 48.33 8 92.79 ;;',
        configs: [
          [4, 48.33],
          [8, 92.79],
        ],
      },
      {
        ghzKey: '3.7',
        line: 495,
        quote: 'IBM,8205-E6B_37*_*) matchup   4 52.93 6 76.69 8 101.62 12 147.24 ;;',
        configs: [
          [4, 52.93],
          [6, 76.69],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.5',
        line: 496,
        quote: 'IBM,8205-E6B_35*_*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8205-E6C',
    name: 'Power 740',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'POWER7 Power 740 Express - October 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.3',
        line: 497,
        quote: 'IBM,8205-E6C_33*_*) matchup   4 48.33 8 92.79 ;;',
        configs: [
          [4, 48.33],
          [8, 92.79],
        ],
      },
      {
        ghzKey: '3.7',
        line: 498,
        quote: 'IBM,8205-E6C_37*_*) matchup   4 52.93 6 76.69 8 101.62 12 147.24 ;;',
        configs: [
          [4, 52.93],
          [6, 76.69],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.5',
        line: 499,
        quote: 'IBM,8205-E6C_35*_*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8202-E4C',
    name: 'Power 720',
    generation: 'POWER7',
    class: 'scale-out',
    heading: 'Power 720 and 740 C models - same rPerf and B models - Nov 2011',
    notes: null,
    lines: [
      {
        ghzKey: '3.0',
        line: 501,
        quote: 'IBM,8202-E4C_30*_*) matchup   4 45.13 6 65.52 8 81.24 ;;',
        configs: [
          [4, 45.13],
          [6, 65.52],
          [8, 81.24],
        ],
      },
      {
        ghzKey: '3.3',
        line: 502,
        quote: 'IBM,8202-E4C_33*_*) matchup   4 48.33 8 92.79 ;;',
        configs: [
          [4, 48.33],
          [8, 92.79],
        ],
      },
      {
        ghzKey: '3.7',
        line: 503,
        quote:
          'IBM,8202-E4C_37*_*) matchup   4 52.93 6 76.69 8 101.62 12 147.24 ;; # available in 4 or 6 core versions with some crossover',
        configs: [
          [4, 52.93],
          [6, 76.69],
          [8, 101.62],
          [12, 147.24],
        ],
      },
      {
        ghzKey: '3.55',
        line: 504,
        quote: 'IBM,8202-E4C_3550*) matchup   8 91.96 16 176.57 ;;',
        configs: [
          [8, 91.96],
          [16, 176.57],
        ],
      },
    ],
  },
  {
    mtm: '8408-44E',
    name: 'Power E850C',
    generation: 'POWER8',
    class: 'midrange',
    heading: 'POWER8 E850C Oct 2016 Cloud Server',
    notes: null,
    lines: [
      {
        ghzKey: '3.6',
        line: 544,
        quote: 'IBM,8408-44E_36*_*) matchup 12 221.0 24 440.7 36 640.0 48 859.3  ;; # E850 3.65 GHz',
        configs: [
          [12, 221.0],
          [24, 440.7],
          [36, 640.0],
          [48, 859.3],
        ],
      },
      {
        ghzKey: '3.9',
        line: 545,
        quote: 'IBM,8408-44E_39*_*) matchup 10 197.0 20 393.1 30 579.8 40 766.5  ;; # E850 3.95 GHz',
        configs: [
          [10, 197.0],
          [20, 393.1],
          [30, 579.8],
          [40, 766.5],
        ],
      },
      {
        ghzKey: '4.2',
        line: 546,
        quote: 'IBM,8408-44E_42*_*) matchup 8  168.0 16 334.7 24 493.7 32 652.7  ;; # E850 4.22 GHz',
        configs: [
          [8, 168.0],
          [16, 334.7],
          [24, 493.7],
          [32, 652.7],
        ],
      },
    ],
  },
  {
    mtm: '9080-MME',
    name: 'Power E870C',
    generation: 'POWER8',
    class: 'enterprise',
    heading: 'POWER8 E870C Oct 2016 Cloud Server',
    notes: null,
    lines: [
      {
        ghzKey: '4.0',
        line: 549,
        quote: 'IBM,9080-MME_40*_*) matchup 32 674.5 64 1349.0 ;; # E870 4.02 GHz',
        configs: [
          [32, 674.5],
          [64, 1349.0],
        ],
      },
    ],
  },
  {
    mtm: '9080-MHE',
    name: 'Power E880C',
    generation: 'POWER8',
    class: 'enterprise',
    heading: 'POWER8 E880C Oct 2016 Cloud Server',
    notes: null,
    lines: [
      {
        ghzKey: '4.0',
        line: 552,
        quote: 'IBM,9080-MHE_40*_*) matchup 48 976.4 96 1952.9 192 3905.8 ;; # E880 4.02 GHz',
        configs: [
          [48, 976.4],
          [96, 1952.9],
          [192, 3905.8],
        ],
      },
      {
        ghzKey: '4.1',
        line: 553,
        quote: 'IBM,9080-MHE_41*_*) matchup 40 856.0 80 1711.9 160 3424.0 ;; # E880 4.19 GHz',
        configs: [
          [40, 856.0],
          [80, 1711.9],
          [160, 3424.0],
        ],
      },
      {
        ghzKey: '4.3',
        line: 554,
        quote: 'IBM,9080-MHE_43*_*) matchup 32 716.3 64 1432.5 128 2865.0 ;; # E880 4.35 GHz',
        configs: [
          [32, 716.3],
          [64, 1432.5],
          [128, 2865.0],
        ],
      },
    ],
  },
];
